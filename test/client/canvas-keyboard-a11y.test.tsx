/**
 * The canvas from the keyboard alone: edges are stops of the Tab walk (named, selected on focus,
 * deleted with Delete or Backspace, restored by undo), and the shortcut help is a modal dialog
 * (focus inside while open, Tab cycles, Escape closes, focus returns where it was).
 */
import { fireEvent } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { toGraph } from '../../shared/doc/index.ts';
import { sceneDoc, templateScene } from '../fixtures/scenes/index.ts';
import { renderCanvas } from './helpers/render-canvas.tsx';

const SCALER_TO_MODEL = 'scaler.out->model.preprocess';

function mount(readOnly = false) {
  const doc = sceneDoc(templateScene());
  const { result, root, undoManager } = renderCanvas(doc, { readOnly });
  /** A key pressed where focus is (the canvas root when nothing inside has focus). */
  const press = (key: string, init: KeyboardEventInit = {}) => {
    const active = document.activeElement;
    const target = active && active !== document.body ? active : root;
    fireEvent.keyDown(target, { key, bubbles: true, ...init });
  };
  const edge = (id: string) => root.querySelector<SVGElement>(`[data-edge-id="${CSS.escape(id)}"]`);
  /** Tabs until the edge has focus; the number of presses, or -1 if the walk left the canvas first. */
  const tabTo = (edgeId: string) => {
    for (let presses = 1; presses <= 40; presses++) {
      press('Tab');
      if (document.activeElement === edge(edgeId)) return presses;
    }
    return -1;
  };
  return { ...result, doc, undoManager, root, press, edge, tabTo };
}

describe('edges from the keyboard', () => {
  it('Tab reaches an edge, which is named, focused and selected', () => {
    const { root, edge, tabTo } = mount();
    root.focus();
    expect(tabTo(SCALER_TO_MODEL)).toBeGreaterThan(0);
    const focused = edge(SCALER_TO_MODEL)!;
    expect(focused.getAttribute('role')).toBe('group');
    expect(focused.getAttribute('aria-label')).toBe(
      'Edge from Standard scaler Transformer to Logistic regression Preprocessing, selected',
    );
    expect(focused.classList.contains('edge--selected')).toBe(true);
    // The focused edge is the whole selection: no node stays selected alongside it.
    expect(root.querySelectorAll('.node--selected')).toHaveLength(0);
  });

  it('visits every drawn edge exactly once on a full walk', () => {
    const { doc, root, press } = mount();
    root.focus();
    const visited: string[] = [];
    for (let i = 0; i < 100; i++) {
      press('Tab');
      const active = document.activeElement;
      if (!active || !root.contains(active) || active === root) break;
      const id = active.getAttribute('data-edge-id');
      if (id) visited.push(id);
    }
    expect(visited.sort()).toEqual(
      toGraph(doc)
        .edges.map((e) => e.id)
        .sort(),
    );
  });

  it('Delete removes the focused edge (and only it), undo restores it', () => {
    const { doc, root, edge, tabTo, press, undoManager } = mount();
    const before = toGraph(doc);
    root.focus();
    tabTo(SCALER_TO_MODEL);
    press('Delete');
    const after = toGraph(doc);
    expect(after.edges.map((e) => e.id)).not.toContain(SCALER_TO_MODEL);
    expect(after.edges).toHaveLength(before.edges.length - 1);
    expect(after.nodes).toHaveLength(before.nodes.length);
    expect(edge(SCALER_TO_MODEL)).toBeNull();
    expect(document.activeElement).toBe(root);
    undoManager.undo();
    expect(toGraph(doc)).toEqual(before);
    expect(edge(SCALER_TO_MODEL)).not.toBeNull();
  });

  it('Backspace deletes a focused edge too', () => {
    const { doc, root, tabTo, press } = mount();
    root.focus();
    tabTo(SCALER_TO_MODEL);
    press('Backspace');
    expect(toGraph(doc).edges.map((e) => e.id)).not.toContain(SCALER_TO_MODEL);
  });

  it('Shift+Tab walks back from an edge to its node’s last port', () => {
    const { root, tabTo, press } = mount();
    root.focus();
    tabTo(SCALER_TO_MODEL);
    press('Tab', { shiftKey: true });
    const active = document.activeElement as HTMLElement;
    expect(active.dataset.portId).toBe('out');
    expect(active.dataset.nodeId).toBe('scaler');
  });

  it('read-only: edges can be focused and read but not deleted', () => {
    const { doc, root, edge, tabTo, press } = mount(true);
    const before = toGraph(doc);
    root.focus();
    expect(tabTo(SCALER_TO_MODEL)).toBeGreaterThan(0);
    press('Delete');
    expect(toGraph(doc)).toEqual(before);
    expect(edge(SCALER_TO_MODEL)).not.toBeNull();
  });
});

describe('the shortcut help', () => {
  it('takes focus, keeps Tab inside, closes on Escape and gives focus back', () => {
    const { root, press } = mount();
    root.focus();
    press('Tab');
    const card = document.activeElement as HTMLElement;
    expect(card.classList.contains('node')).toBe(true);

    press('?');
    const dialog = root.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const close = dialog.querySelector<HTMLElement>('button[aria-label="Close shortcuts"]')!;
    const list = dialog.querySelector<HTMLElement>('.canvas-help__list')!;
    expect(document.activeElement).toBe(close);

    press('Tab');
    expect(document.activeElement).toBe(list);
    press('Tab');
    expect(document.activeElement).toBe(close);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(list);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(close);

    press('Escape');
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(card);
  });

  it('gives focus back to the corner button after closing with the close button', () => {
    const { root } = mount();
    const hint = root.querySelector<HTMLButtonElement>('button[aria-label="Keyboard shortcuts"]')!;
    hint.focus();
    fireEvent.click(hint);
    expect(hint.getAttribute('aria-expanded')).toBe('true');
    const close = root.querySelector<HTMLButtonElement>('button[aria-label="Close shortcuts"]')!;
    expect(document.activeElement).toBe(close);
    fireEvent.click(close);
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(hint);
  });

  it('falls back to the canvas when what had focus is gone', () => {
    const { root, press, tabTo, doc } = mount();
    root.focus();
    tabTo(SCALER_TO_MODEL);
    press('?');
    // Someone else deletes the edge while the help is open.
    doc.getMap('edges').delete(SCALER_TO_MODEL);
    press('Escape');
    expect(document.activeElement).toBe(root);
  });
});
