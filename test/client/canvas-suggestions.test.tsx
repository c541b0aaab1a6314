/**
 * Suggestion ghosts on the canvas and the suggestion list: what they show (component, confidence,
 * reason, dashed edges), accept and reject through the person's origin (so undo takes them back),
 * read-only people seeing them without buttons, decisions arriving from another replica, and the
 * list's bulk actions and keyboard behaviour.
 */
import { fireEvent, screen, within } from '@solidjs/testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ghostLinks } from '../../client/src/canvas/ghost-links.ts';
import { catalog } from '../../shared/catalog/index.ts';
import { isPortCompatible } from '../../shared/catalog/ports.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import {
  createUndoManager,
  createUserOrigin,
  placeSuggestions,
  REMOTE_ORIGIN,
  readSuggestion,
  readSuggestions,
  rejectSuggestion,
  suggestionKey,
  toGraph,
} from '../../shared/doc/index.ts';
import { docWithCsvNode, realProfile } from '../shared/helpers/dataset-profiles.ts';
import { CANVAS_USER, type CanvasProps, renderCanvas } from './helpers/render-canvas.tsx';

let titanic: DatasetProfile;

beforeAll(async () => {
  titanic = await realProfile('titanic');
});

function mount(overrides: CanvasProps = {}) {
  const origin = createUserOrigin(CANVAS_USER.id);
  const { doc, datasetNodeId } = docWithCsvNode('titanic', origin);
  placeSuggestions(doc, { datasetNodeId, profile: titanic, origin });
  const undoManager = createUndoManager(doc, origin, { captureTimeoutMs: 0 });
  undoManager.clear();
  const { result, root } = renderCanvas(doc, { userOrigin: origin, undoManager, ...overrides });
  const ghost = (id: string) =>
    root.querySelector<HTMLElement>(`.ghost[data-suggestion-key="${suggestionKey(datasetNodeId, id)}"]`);
  const key = (id: string) => suggestionKey(datasetNodeId, id);
  return { ...result, doc, origin, undoManager, root, ghost, key, datasetNodeId };
}

describe('ghost nodes', () => {
  it('shows each pending suggestion as a dashed card: component, confidence, reason, recommended or not', () => {
    const { root, ghost } = mount();
    expect(root.querySelectorAll('.ghost')).toHaveLength(15);
    const impute = ghost('impute-numeric')!;
    expect(impute.getAttribute('role')).toBe('group');
    expect(impute.getAttribute('aria-roledescription')).toBe('suggestion');
    expect(impute.getAttribute('aria-label')).toBe(
      'Suggested: Impute missing values, 85% confidence, recommended',
    );
    expect(impute.querySelector('.ghost__confidence')?.textContent).toBe('85%');
    const reason = impute.querySelector('.ghost__reason')!;
    expect(reason.textContent).toContain('“age” has missing values');
    expect(impute.getAttribute('aria-describedby')).toBe(reason.id);
    expect(ghost('model-logisticregression')!.getAttribute('aria-label')).toContain('alternative');
    // Ghosts are not nodes: the canvas still counts one node, the dataset.
    expect(root.querySelectorAll('.node')).toHaveLength(1);
    expect(root.getAttribute('aria-label')).toContain('1 node');
  });

  it('draws dashed edges from the dataset node and between ghosts', () => {
    const { root } = mount();
    const edges = root.querySelectorAll<SVGPathElement>('.ghost-edge');
    // Every link of every ghost whose source is known: 14 ghosts with inputs, the router has two.
    expect(edges.length).toBe(15);
    expect([...edges].every((edge) => edge.getAttribute('d')?.startsWith('M'))).toBe(true);
    expect([...edges].map((edge) => edge.dataset.type)).toContain('table');
  });

  it('Accept adds the real node in place, wired, as one undoable step of the person', () => {
    const { doc, root, ghost, key, undoManager } = mount();
    const at = readSuggestion(doc, key('drop-columns'))!;
    fireEvent.click(screen.getByRole('button', { name: 'Accept suggestion: Drop columns' }));
    expect(ghost('drop-columns')).toBeNull();
    const record = readSuggestion(doc, key('drop-columns'))!;
    expect(record).toMatchObject({ status: 'accepted', decidedBy: { id: 'u1', name: 'Ada' } });
    const card = root.querySelector<HTMLElement>(`.node[data-node-id="${record.nodeId}"]`)!;
    expect(card.style.left).toBe(`${at.x}px`);
    expect(card.style.top).toBe(`${at.y}px`);
    expect(toGraph(doc).edges).toHaveLength(1);
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Accepted Drop columns');

    undoManager.undo();
    expect(ghost('drop-columns')).not.toBeNull();
    expect(root.querySelector(`.node[data-node-id="${record.nodeId}"]`)).toBeNull();
  });

  it('Reject removes the ghost for everyone and records who', () => {
    const { doc, ghost, key } = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Reject suggestion: Standard scaler' }));
    expect(ghost('scale-numeric')).toBeNull();
    expect(readSuggestion(doc, key('scale-numeric'))).toMatchObject({
      status: 'rejected',
      decidedBy: { id: 'u1', name: 'Ada' },
    });
  });

  it('keys on a ghost button stay with the button (Delete does not delete the selected node)', () => {
    const { doc } = mount();
    const accept = screen.getByRole('button', { name: 'Accept suggestion: Drop columns' });
    fireEvent.keyDown(accept, { key: 'Delete', bubbles: true });
    expect(toGraph(doc).nodes).toHaveLength(1);
  });

  it('read-only people see ghosts and reasons without Accept or Reject', () => {
    const { root } = mount({ readOnly: true });
    expect(root.querySelectorAll('.ghost')).toHaveLength(15);
    expect(root.querySelectorAll('.ghost button')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '15 suggestions' }));
    const list = screen.getByRole('dialog', { name: '15 suggestions' });
    expect(within(list).queryByRole('button', { name: /Accept/ })).toBeNull();
    expect(within(list).getAllByRole('button', { name: /^Show / })).toHaveLength(15);
  });

  it('zoom to fit keeps the ghosts in view, not only the dataset node', () => {
    const { root } = mount();
    fireEvent.keyDown(root, { key: 'f', bubbles: true });
    const world = root.querySelector<HTMLElement>('.canvas__world')!;
    const zoom = Number(/scale\(([\d.]+)\)/.exec(world.style.transform)![1]);
    // Eight columns of 280 units (the dataset and seven of ghosts) in an 800-pixel canvas.
    expect(zoom).toBeLessThan(800 / (8 * 280) + 0.01);
  });

  it('a decision taken on another replica shows here', () => {
    const { doc, ghost, key } = mount();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    rejectSuggestion(remote, key('one-hot'), { id: 'u2', name: 'Bob' }, createUserOrigin('u2'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
    expect(ghost('one-hot')).toBeNull();
    expect(ghost('impute-categorical')).not.toBeNull();
  });
});

describe('the suggestion list', () => {
  it('lists every suggestion with its reason and confidence; Accept recommended builds the pipeline in one step', async () => {
    const { doc, root, undoManager } = mount();
    const pill = screen.getByRole('button', { name: '15 suggestions' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(pill);
    const list = screen.getByRole('dialog', { name: '15 suggestions' });
    const items = list.querySelectorAll('.suggestion-item');
    expect(items).toHaveLength(15);
    expect(items[0]!.textContent).toContain('Drop columns');
    expect(items[0]!.textContent).toContain('80%');
    expect(items[0]!.textContent).toContain('“alive” is the target “survived” under another name');

    fireEvent.click(within(list).getByRole('button', { name: 'Accept recommended (13)' }));
    expect(toGraph(doc).nodes).toHaveLength(14);
    expect(toGraph(doc).edges).toHaveLength(13);
    expect(root.querySelectorAll('.ghost')).toHaveLength(2);
    expect(screen.getByRole('button', { name: '2 suggestions' })).toBeTruthy();
    // Nothing recommended is left, so the button is gone, and focus went to the first alternative.
    expect(within(list).queryByRole('button', { name: /^Accept recommended/ })).toBeNull();
    await Promise.resolve();
    expect(document.activeElement?.closest('.suggestion-item')).toBe(list.querySelector('.suggestion-item'));

    undoManager.undo();
    expect(toGraph(doc).nodes).toHaveLength(1);
    expect(root.querySelectorAll('.ghost')).toHaveLength(15);
  });

  it('Reject all clears the ghosts and the list goes away', () => {
    const { doc, root } = mount();
    fireEvent.click(screen.getByRole('button', { name: '15 suggestions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(root.querySelectorAll('.ghost')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /suggestions?$/ })).toBeNull();
    expect(readSuggestions(doc).every((record) => record.status === 'rejected')).toBe(true);
  });

  it('per item: Accept and Reject, then focus moves to the next item; Escape closes and returns to the pill', async () => {
    const { doc, key } = mount();
    const pill = screen.getByRole('button', { name: '15 suggestions' });
    fireEvent.click(pill);
    const list = () => screen.getByRole('dialog', { name: /suggestions$/ });
    fireEvent.click(within(list()).getByRole('button', { name: 'Accept Drop columns' }));
    expect(readSuggestion(doc, key('drop-columns'))!.status).toBe('accepted');
    await Promise.resolve();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Accept Impute missing values');
    fireEvent.click(within(list()).getByRole('button', { name: 'Reject Select features & target' }));
    expect(readSuggestion(doc, key('select-target'))!.status).toBe('rejected');
    fireEvent.keyDown(list(), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(pill);
  });
});

describe('ghostLinks', () => {
  const rules = { registry: catalog, isPortCompatible };

  it('links a ghost to the dataset, another ghost, an accepted node, or past a rejected pass-through', () => {
    const origin = createUserOrigin('u1');
    const { doc, datasetNodeId } = docWithCsvNode('titanic', origin);
    placeSuggestions(doc, { datasetNodeId, profile: titanic, origin });
    const key = (id: string) => suggestionKey(datasetNodeId, id);
    const into = (id: string) =>
      ghostLinks(readSuggestions(doc), rules, (nodeId) => toGraph(doc).nodes.some((n) => n.id === nodeId))
        .filter((link) => link.to === key(id))
        .map((link) => link.from);
    expect(into('drop-columns')).toEqual([{ kind: 'node', nodeId: datasetNodeId }]);
    expect(into('select-target')).toEqual([{ kind: 'ghost', key: key('drop-columns') }]);
    rejectSuggestion(doc, key('drop-columns'), { id: 'u1', name: 'Ada' }, origin);
    expect(into('select-target')).toEqual([{ kind: 'node', nodeId: datasetNodeId }]);
    expect(into('impute-numeric')).toEqual([]);
  });
});
