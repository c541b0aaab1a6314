import { fireEvent } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasStats } from '../../client/src/canvas/canvas-stats.ts';
import { resetCanvasClipboard } from '../../client/src/canvas/clipboard.ts';
import {
  deleteNodes,
  getNodeMap,
  getNodesMap,
  REMOTE_ORIGIN,
  renameNode,
  setParam,
  sortedKeys,
  toGraph,
} from '../../shared/doc/index.ts';
import { makeScene, sceneDoc, templateScene } from '../fixtures/scenes/index.ts';
import { type CanvasProps, renderCanvas } from './helpers/render-canvas.tsx';

function mount(overrides: CanvasProps = {}, doc = sceneDoc(templateScene())) {
  const { result, root, card, userOrigin: origin, undoManager } = renderCanvas(doc, overrides);
  const key = (k: string, init: KeyboardEventInit = {}, target: Element = root) =>
    fireEvent.keyDown(target, { key: k, bubbles: true, ...init });
  return { ...result, doc, origin, undoManager, root, card, key };
}

/** A second replica of `doc`: edits made there arrive as remote updates. */
function remoteReplica(doc: Y.Doc) {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  const push = () =>
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
  return { remote, push };
}

beforeEach(() => {
  canvasStats.reset();
  resetCanvasClipboard();
});
afterEach(() => {
  canvasStats.reset();
});

describe('<PipelineCanvas> rendering', () => {
  it('draws every node as a labelled card with typed ports, and every edge', () => {
    const { root, card } = mount();
    const scene = templateScene();
    expect(root.getAttribute('role')).toBe('application');
    expect(root.getAttribute('aria-label')).toContain(`${scene.nodes.length} nodes`);
    expect(root.querySelectorAll('.node')).toHaveLength(scene.nodes.length);
    expect(root.querySelectorAll('.edge')).toHaveLength(scene.edges.length);

    const split = card('split');
    expect(split.getAttribute('role')).toBe('group');
    expect(split.getAttribute('aria-label')).toBe('Train/test split, Train/test split');
    expect(split.dataset.category).toBe('prepare');
    expect(split.querySelector('.node__short')?.textContent).toBe('train_test_split');
    const out = split.querySelector<HTMLButtonElement>('button[data-side="out"]')!;
    expect(out.getAttribute('aria-label')).toBe('Output Train/test of Train/test split');
    expect(out.dataset.type).toBe('split');
    expect(out.dataset.tip).toBe('Train/test split');
    // The summary shows parameters someone changed first.
    expect(split.querySelector('.node__param--changed dt')?.textContent).toBe('Stratify by target');
  });

  it('updates only the changed card when a remote edit arrives', () => {
    const { doc, card, root } = mount();
    const mounted = canvasStats.cardMounts;
    const edgesMounted = canvasStats.edgeMounts;
    // Which card each DOM mutation happened in ('outside' for anything not inside a card). An edge
    // names its two nodes, so the renamed node's edges may rewrite their accessible name, nothing else.
    const owners = new Set<string>();
    const collect = (records: MutationRecord[]) => {
      for (const r of records) {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        const edgeId = target?.closest('[data-edge-id]')?.getAttribute('data-edge-id');
        if (edgeId && r.type === 'attributes' && r.attributeName === 'aria-label')
          owners.add(`edge ${edgeId}`);
        else owners.add(target?.closest<HTMLElement>('.node')?.dataset.nodeId ?? 'outside');
      }
    };
    const observer = new MutationObserver(collect);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });

    const { remote, push } = remoteReplica(doc);
    renameNode(remote, REMOTE_ORIGIN, 'model', 'Logistic model');
    setParam(remote, REMOTE_ORIGIN, 'model', 'C', 0.5);
    push();
    collect(observer.takeRecords());
    observer.disconnect();

    expect(card('model').querySelector('.node__label')?.textContent).toBe('Logistic model');
    expect(card('model').textContent).toContain('0.5');
    expect(canvasStats.cardMounts).toBe(mounted);
    expect(canvasStats.edgeMounts).toBe(edgesMounted);
    expect([...owners].sort()).toEqual([
      'edge model.estimator->train.estimator',
      'edge scaler.out->model.preprocess',
      'model',
    ]);
  });

  it('moves a card and its edges when a remote replica moves the node, without re-mounting', () => {
    const { doc, card } = mount();
    const before = canvasStats.cardMounts;
    const edgePath = () =>
      document.querySelector('.edge[data-edge-id="data.table->split.table"] .edge__line')?.getAttribute('d');
    const oldPath = edgePath();
    const { remote, push } = remoteReplica(doc);
    getNodeMap(remote, 'data')!.doc!.transact(() => getNodeMap(remote, 'data')!.set('y', 400), REMOTE_ORIGIN);
    push();
    expect(card('data').style.top).toBe('400px');
    expect(card('data').style.left).toBe('0px');
    expect(edgePath()).not.toBe(oldPath);
    expect(canvasStats.cardMounts).toBe(before);
  });

  it('draws cards in groups in id order, and a remote delete remounts no other card', () => {
    const doc = sceneDoc(makeScene({ nodes: 120, edges: 150, seed: 3 }));
    const { root, card } = mount({}, doc);
    const ids = sortedKeys(getNodesMap(doc));
    const order = () => [...root.querySelectorAll<HTMLElement>('.node')].map((el) => el.dataset.nodeId);
    expect(order()).toEqual(ids);
    expect(root.querySelectorAll('.canvas__card-group').length).toBeGreaterThan(1);
    const kept = ids.filter((_, i) => i !== 3);
    const cards = new Map(kept.map((id) => [id, card(id)]));
    const before = canvasStats.cardMounts;
    const { remote, push } = remoteReplica(doc);
    deleteNodes(remote, REMOTE_ORIGIN, [ids[3]!]);
    push();
    expect(order()).toEqual(kept);
    expect(kept.every((id) => card(id) === cards.get(id))).toBe(true);
    expect(canvasStats.cardMounts).toBe(before);
  });

  it('shows an empty state that says what to do next', () => {
    const { root } = mount({}, new Y.Doc());
    expect(root.querySelector('.canvas-empty')?.textContent).toContain('Start your pipeline');
  });

  it('shows problems, the running node and highlights on the right cards', () => {
    const { card } = mount({
      problems: [
        { nodeId: 'model', severity: 'error', message: 'Needs a training split' },
        { nodeId: 'model', severity: 'warning', message: 'Unscaled input' },
        { severity: 'warning', message: 'Pipeline-wide' },
      ],
      runningNodeId: 'train',
      highlightNodeIds: ['scaler'],
    });
    const badge = card('model').querySelector('.node__badge')!;
    expect(badge.getAttribute('aria-label')).toBe('2 problems: Needs a training split; Unscaled input');
    expect(badge.classList.contains('node__badge--error')).toBe(true);
    expect(card('split').querySelector('.node__badge')).toBeNull();
    expect(card('train').classList.contains('node--running')).toBe(true);
    expect(card('scaler').classList.contains('node--highlight')).toBe(true);
  });
});

describe('<PipelineCanvas> editing', () => {
  it('selects on click, moves the selection with arrow keys as one undo step each', () => {
    const { doc, card, key, undoManager } = mount();
    fireEvent.pointerDown(card('data'), { button: 0, pointerId: 1, clientX: 10, clientY: 10 });
    fireEvent.pointerUp(card('data'), { button: 0, pointerId: 1, clientX: 10, clientY: 10 });
    expect(card('data').classList.contains('node--selected')).toBe(true);
    const before = toGraph(doc).nodes.find((n) => n.id === 'data')!;
    key('ArrowRight');
    key('ArrowDown', { shiftKey: true });
    const after = toGraph(doc).nodes.find((n) => n.id === 'data')!;
    expect(after.x).toBe(before.x! + 16);
    expect(after.y).toBe(before.y! + 64);
    undoManager.undo();
    expect(toGraph(doc).nodes.find((n) => n.id === 'data')!.y).toBe(before.y);
  });

  it('drags nodes with previews while moving and writes the document once at the end', () => {
    const { doc, card, root } = mount();
    const viewport = root.querySelector('.canvas__viewport')!;
    let transactions = 0;
    doc.on('afterTransaction', (t: Y.Transaction) => {
      if (t.changed.size > 0) transactions++;
    });
    const zoom = Number(
      /scale\(([\d.]+)\)/.exec((root.querySelector('.canvas__world') as HTMLElement).style.transform)?.[1],
    );
    fireEvent.pointerDown(card('data'), { button: 0, pointerId: 1, clientX: 100, clientY: 100 });
    for (let i = 1; i <= 5; i++)
      fireEvent.pointerMove(viewport, { pointerId: 1, clientX: 100 + i * 20 * zoom, clientY: 100 });
    expect(transactions).toBe(0);
    expect(card('data').classList.contains('node--dragging')).toBe(true);
    fireEvent.pointerUp(viewport, { button: 0, pointerId: 1, clientX: 100 + 100 * zoom, clientY: 100 });
    expect(transactions).toBe(1);
    expect(toGraph(doc).nodes.find((n) => n.id === 'data')!.x).toBe(96);
    expect(card('data').classList.contains('node--dragging')).toBe(false);
  });

  it('deletes the selection and undoes it; Ctrl+A selects all', () => {
    const { doc, key, undoManager, root } = mount();
    key('a', { ctrlKey: true });
    expect(root.querySelectorAll('.node--selected')).toHaveLength(toGraph(doc).nodes.length);
    key('Delete');
    expect(toGraph(doc).nodes).toHaveLength(0);
    expect(root.querySelectorAll('.node')).toHaveLength(0);
    undoManager.undo();
    expect(toGraph(doc).nodes).toHaveLength(templateScene().nodes.length);
    expect(toGraph(doc).edges).toHaveLength(templateScene().edges.length);
  });

  it('connects ports from the keyboard and refuses an incompatible pair visibly', () => {
    const { doc, card, key, root } = mount();
    const edgesBefore = toGraph(doc).edges.length;
    const port = (node: string, side: string, id: string) =>
      card(node).querySelector<HTMLElement>(`button[data-side="${side}"][data-port-id="${id}"]`)!;
    // Incompatible: a table output into an estimator input.
    key('Enter', {}, port('data', 'out', 'table'));
    key('Enter', {}, port('train', 'in', 'estimator'));
    expect(toGraph(doc).edges).toHaveLength(edgesBefore);
    expect(port('train', 'in', 'estimator').classList.contains('port--bad')).toBe(true);
    expect(root.querySelector('[data-testid="canvas-notice"]')?.textContent).toMatch(/table|estimator/i);
    // Compatible: the scaler's transformer output into… the model's preprocessing input is taken,
    // so disconnect-free: a second dataset → split is occupied too; use a fresh node via the palette.
    key('k', { ctrlKey: true });
    const search = root.querySelector<HTMLInputElement>('.canvas-palette__input')!;
    fireEvent.input(search, { target: { value: 'standard scaler' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const added = toGraph(doc).nodes.find(
      (n) => n.type === 'sklearn.preprocessing.StandardScaler' && n.id !== 'scaler',
    )!;
    expect(added).toBeTruthy();
    key('Enter', {}, port(added.id, 'out', 'out'));
    key('Enter', {}, port('scaler', 'in', 'in'));
    const graph = toGraph(doc);
    expect(graph.edges).toHaveLength(edgesBefore + 1);
    expect(graph.edges.some((e) => e.source === added.id && e.target === 'scaler')).toBe(true);
  });

  it('copies and pastes through the in-memory clipboard, and duplicates', async () => {
    const { doc, card, key } = mount();
    fireEvent.pointerDown(card('model'), { button: 0, pointerId: 1 });
    fireEvent.pointerUp(card('model'), { button: 0, pointerId: 1 });
    key('d', { ctrlKey: true });
    expect(
      toGraph(doc).nodes.filter((n) => n.type === 'sklearn.linear_model.LogisticRegression'),
    ).toHaveLength(2);
    key('c', { ctrlKey: true });
    key('v', { ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(
      toGraph(doc).nodes.filter((n) => n.type === 'sklearn.linear_model.LogisticRegression'),
    ).toHaveLength(3);
  });
});

describe('<PipelineCanvas> read-only', () => {
  it('offers no editing affordances but still selects, walks and zooms', () => {
    const { doc, root, card, key } = mount({ readOnly: true });
    expect(root.querySelectorAll('button[data-port-id]')).toHaveLength(0);
    expect(root.querySelectorAll('span.port[role="img"]').length).toBeGreaterThan(0);
    expect(root.textContent).not.toContain('Tidy up');
    expect(root.getAttribute('aria-label')).toContain('read-only');

    key('k', { ctrlKey: true });
    expect(root.querySelector('.canvas-palette')).toBeNull();

    key('Tab');
    const selected = root.querySelectorAll('.node--selected');
    expect(selected).toHaveLength(1);
    key('Delete');
    key('ArrowRight');
    key('d', { ctrlKey: true });
    expect(toGraph(doc)).toEqual(toGraph(sceneDoc(templateScene())));

    const before = card('data').style.left;
    fireEvent.pointerDown(card('data'), { button: 0, pointerId: 1, clientX: 0, clientY: 0 });
    fireEvent.pointerMove(root.querySelector('.canvas__viewport')!, {
      pointerId: 1,
      clientX: 200,
      clientY: 0,
    });
    fireEvent.pointerUp(root.querySelector('.canvas__viewport')!, {
      button: 0,
      pointerId: 1,
      clientX: 200,
      clientY: 0,
    });
    expect(card('data').style.left).toBe(before);
    expect(card('data').classList.contains('node--selected')).toBe(true);

    const zoomLabel = () => root.querySelector('.canvas-toolbar__zoom')?.textContent;
    const z = zoomLabel();
    key('+');
    expect(zoomLabel()).not.toBe(z);
  });
});
