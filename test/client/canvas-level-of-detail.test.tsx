/**
 * Level of detail on the canvas: cards away from the view are bare boxes (no icon, titles, ports
 * or summary mounted) and edges there keep their group without paths, yet every node and edge
 * stays in the DOM with its role, name and focus stop, and the keyboard walk still reaches the
 * ports of a far node (focusing a card mounts its contents and keeps them while it holds focus).
 */
import { fireEvent } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CanvasApi } from '../../client/src/canvas/PipelineCanvas.tsx';
import { createUserOrigin, moveNode, REMOTE_ORIGIN, readNode } from '../../shared/doc/index.ts';
import { sceneDoc, templateScene } from '../fixtures/scenes/index.ts';
import { renderCanvas } from './helpers/render-canvas.tsx';

/** The template with its second half moved far to the right: a near and a far cluster. */
const FAR = new Set(['train', 'metrics', 'confusion', 'save']);
const FAR_EDGE = 'train.model->metrics.model';
const NEAR_EDGE = 'data.table->split.table';

function mount() {
  const scene = templateScene();
  const doc = sceneDoc({
    ...scene,
    nodes: scene.nodes.map((n) => (FAR.has(n.id) ? { ...n, x: (n.x ?? 0) + 30_000 } : n)),
  });
  let api!: CanvasApi;
  const { root, card } = renderCanvas(doc, {
    onReady: (ready) => {
      api = ready;
    },
  });
  const ports = (id: string) => card(id).querySelectorAll('button[data-port-id]');
  const edge = (id: string) => root.querySelector<SVGElement>(`[data-edge-id="${CSS.escape(id)}"]`)!;
  const press = (key: string, init: KeyboardEventInit = {}) => {
    const active = document.activeElement;
    fireEvent.keyDown(active && active !== document.body ? active : root, { key, bubbles: true, ...init });
  };
  /** Zoom 1 with the near cluster in view. */
  const readNearCluster = () => {
    root.focus();
    press('0', { ctrlKey: true });
    api.revealNode('data', { focus: false });
  };
  /** A collaborator's move, arriving as a remote update. */
  const remoteMove = (id: string, x: number, y: number) => {
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    moveNode(remote, createUserOrigin('bob'), id, x, y);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
  };
  const at = (id: string) => {
    const node = readNode(doc, id)!;
    return { x: node.x ?? 0, y: node.y ?? 0 };
  };
  return { root, api, card, ports, edge, press, readNearCluster, remoteMove, at };
}

describe('level of detail', () => {
  it('zoomed out to the whole graph, cards are drawn as shapes and keep role, name and focus stop', () => {
    const { root, card } = mount();
    const cards = root.querySelectorAll<HTMLElement>('.node');
    expect(cards).toHaveLength(8);
    for (const el of cards) {
      expect(el.classList.contains('node--bare')).toBe(true);
      // The picture is the shapes: the card itself draws nothing and has no box.
      expect(el.classList.contains('node--offscreen')).toBe(true);
      expect(el.querySelector('.node__header')).toBeNull();
      expect(el.getAttribute('role')).toBe('group');
      expect(el.getAttribute('tabindex')).toBe('-1');
    }
    expect(card('model').getAttribute('aria-label')).toBe('Logistic regression, Logistic regression');
    // One shape per node, where the node is, in its category, hidden from assistive tech.
    const shapes = root.querySelectorAll<SVGRectElement>('.node-shape');
    expect([...shapes].map((el) => el.getAttribute('data-node-id')).sort()).toEqual(
      [...cards].map((el) => el.dataset.nodeId).sort(),
    );
    const model = root.querySelector('.node-shape[data-node-id="model"]')!;
    expect(model.getAttribute('data-category')).toBe('model');
    expect(model.closest('svg')?.getAttribute('aria-hidden')).toBe('true');
    // The whole graph is the picture at this zoom: every edge draws.
    expect(root.querySelectorAll('.edge')).toHaveLength(7);
    expect(root.querySelectorAll('.edge .edge__line')).toHaveLength(7);
    // Too far out to aim at a curve: no edge draws its wide hit path.
    expect(root.querySelectorAll('.edge .edge__hit')).toHaveLength(0);
    // Nor does the dotted grid draw: the shape of the graph only.
    expect(root.querySelector('.canvas__grid')).toBeNull();
  });

  it('zooming in brings back cards, edge hit paths and the grid; zooming out undoes all three', () => {
    const { root, edge, press, readNearCluster } = mount();
    readNearCluster();
    expect(root.querySelector('.canvas__grid')).not.toBeNull();
    expect(edge(NEAR_EDGE).querySelector('.edge__hit')?.getAttribute('d')).toBe(
      edge(NEAR_EDGE).querySelector('.edge__line')?.getAttribute('d'),
    );
    expect(root.querySelectorAll('.node-shape')).toHaveLength(0);
    press('f');
    expect(root.querySelectorAll('.node--offscreen')).toHaveLength(8);
    expect(root.querySelectorAll('.node-shape')).toHaveLength(8);
    expect(root.querySelectorAll('.edge .edge__line')).toHaveLength(7);
    expect(root.querySelectorAll('.edge .edge__hit')).toHaveLength(0);
    expect(root.querySelector('.canvas__grid')).toBeNull();
  });

  it('zoomed out, a shape is its card: a press selects and focuses the card, a drag moves the node, a remote move moves the shape', () => {
    const { root, card, remoteMove, at } = mount();
    const shape = () => root.querySelector<SVGRectElement>('.node-shape[data-node-id="split"]')!;
    const viewport = root.querySelector('.canvas__viewport')!;
    const zoom = Number(
      /scale\(([\d.]+)\)/.exec((root.querySelector('.canvas__world') as HTMLElement).style.transform)?.[1],
    );
    expect(zoom).toBeLessThan(0.2);
    const before = at('split');
    expect(Number(shape().getAttribute('x'))).toBe(before.x);
    fireEvent.pointerDown(shape(), { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
    expect(card('split').classList.contains('node--selected')).toBe(true);
    expect(shape().classList.contains('node-shape--selected')).toBe(true);
    // Focus is on the card (a shape is not focusable), which then draws itself above its shape.
    expect(document.activeElement).toBe(card('split'));
    expect(card('split').classList.contains('node--offscreen')).toBe(false);
    for (let i = 1; i <= 4; i++)
      fireEvent.pointerMove(viewport, { pointerId: 1, clientX: 100 + i * 160 * zoom, clientY: 100 });
    expect(shape().classList.contains('node-shape--dragging')).toBe(true);
    fireEvent.pointerUp(viewport, { button: 0, pointerId: 1, clientX: 100 + 640 * zoom, clientY: 100 });
    // Written once at the end, snapped to the grid.
    expect(Math.abs(at('split').x - (before.x + 640))).toBeLessThanOrEqual(8);
    expect(Number(shape().getAttribute('x'))).toBe(at('split').x);
    // A collaborator's move of another node moves its shape; its card (off-screen) stays put.
    const data = at('data');
    const dataCardLeft = card('data').style.left;
    remoteMove('data', data.x + 320, data.y);
    expect(Number(root.querySelector('.node-shape[data-node-id="data"]')!.getAttribute('x'))).toBe(
      data.x + 320,
    );
    expect(card('data').style.left).toBe(dataCardLeft);
  });

  it('at reading zoom, cards near the view show their contents and far ones do not', () => {
    const { card, ports, edge, readNearCluster } = mount();
    readNearCluster();
    expect(card('data').querySelector('.node__label')?.textContent).toBe('Iris flowers');
    expect(ports('split').length).toBeGreaterThan(0);
    expect(card('train').classList.contains('node--bare')).toBe(true);
    // Outside the region is outside the view: the far box paints nothing, the near card does.
    expect(card('train').classList.contains('node--offscreen')).toBe(true);
    expect(card('data').classList.contains('node--offscreen')).toBe(false);
    expect(ports('train')).toHaveLength(0);
    // A far edge keeps its named group (a Tab stop) but draws nothing; a near one draws.
    expect(edge(FAR_EDGE).getAttribute('aria-label')).toMatch(/^Edge from Train model/);
    expect(edge(FAR_EDGE).querySelector('path')).toBeNull();
    expect(edge(NEAR_EDGE).querySelectorAll('path')).toHaveLength(2);
  });

  it('a focused far card mounts its ports and keeps them while focus stays, even when the view moves away', () => {
    const { root, api, card, ports, press, readNearCluster } = mount();
    readNearCluster();
    api.revealNode('train');
    expect(document.activeElement).toBe(card('train'));
    api.revealNode('data', { focus: false });
    expect(ports('train').length).toBeGreaterThan(0);
    press('Tab');
    const port = document.activeElement as HTMLElement;
    expect(port.dataset.nodeId).toBe('train');
    expect(port.dataset.portId).toBeTruthy();
    api.revealNode('data', { focus: false });
    expect(port.isConnected).toBe(true);
    expect(document.activeElement).toBe(port);
    // Focus leaving the canvas lets the card go back to a bare box.
    fireEvent.focusOut(port, { relatedTarget: null, bubbles: true });
    expect(card('train').classList.contains('node--bare')).toBe(true);
    expect(root.contains(port)).toBe(false);
  });

  it('Shift+Tab reaches the last port of a previous node that is far from the view', () => {
    const { api, card, press, readNearCluster } = mount();
    readNearCluster();
    api.revealNode('confusion');
    api.revealNode('data', { focus: false });
    expect(card('metrics').classList.contains('node--bare')).toBe(true);
    press('Tab', { shiftKey: true });
    // metrics has no edge leaving it, so its last stop is its output port.
    const active = document.activeElement as HTMLElement;
    expect(active.dataset.nodeId).toBe('metrics');
    expect(active.dataset.side).toBe('out');
  });

  it("a far box follows a collaborator's moves only when it comes near or the region moves", () => {
    const { api, card, readNearCluster, remoteMove, at } = mount();
    readNearCluster();
    const box = (id: string) => ({ x: card(id).style.left, y: card(id).style.top });
    const drawn = box('train');
    const { x, y } = at('train');
    // Still far: the box (painting nothing, taking no pointer) stays where it was.
    remoteMove('train', x + 500, y + 40);
    expect(card('train').classList.contains('node--offscreen')).toBe(true);
    expect(box('train')).toEqual(drawn);
    // Moved next to a card in view: drawn where it is, with its contents.
    const data = at('data');
    remoteMove('train', data.x + 300, data.y + 400);
    expect(card('train').classList.contains('node--offscreen')).toBe(false);
    expect(box('train')).toEqual({ x: `${data.x + 300}px`, y: `${data.y + 400}px` });
    // Moved while far, then the view moves far enough to move the region: boxes follow then, the
    // one that came near and the one still far alike.
    const metrics = at('metrics');
    const save = at('save');
    remoteMove('metrics', metrics.x + 700, metrics.y);
    remoteMove('save', save.x + 20_000, save.y);
    expect(box('metrics')).toEqual({ x: `${metrics.x}px`, y: `${metrics.y}px` });
    expect(box('save')).toEqual({ x: `${save.x}px`, y: `${save.y}px` });
    api.revealNode('metrics', { focus: false });
    expect(box('metrics')).toEqual({ x: `${metrics.x + 700}px`, y: `${metrics.y}px` });
    expect(card('save').classList.contains('node--offscreen')).toBe(true);
    expect(box('save')).toEqual({ x: `${save.x + 20_000}px`, y: `${save.y}px` });
  });
});
