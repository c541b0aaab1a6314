import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect } from '../../shared/doc/edges.ts';
import { setMeta } from '../../shared/doc/meta.ts';
import { initDocument, migrateDocument } from '../../shared/doc/migrations.ts';
import { addNode, deleteNodes, moveNode, renameNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin, RESTORE_ORIGIN } from '../../shared/doc/origins.ts';
import { setParam } from '../../shared/doc/params.ts';
import { readDocument, toGraph } from '../../shared/doc/reader.ts';
import { createUndoManager, gesture } from '../../shared/doc/undo.ts';
import {
  connectedPair,
  newPipelineDoc,
  syncOnce,
  TEST_REGISTRY,
  TEST_RULES,
} from './helpers/doc-fixtures.ts';

const alice = createUserOrigin('alice');
const bob = createUserOrigin('bob');

/**
 * Stands in for the capture window passing between two deliberate actions. (Yjs reads the clock
 * through lib0's `getUnixTime`, bound to `Date.now` at import, so fake timers cannot move it; the
 * quick successive edits below happen well within the window in real time.)
 */
function pause(undo: Y.UndoManager) {
  undo.stopCapturing();
}

function pipelinePair() {
  const [a, b] = connectedPair();
  initDocument(a, { name: 'Shared' });
  return { a, b, undo: createUndoManager(a, alice) };
}

const position = (doc: Y.Doc, id: string) => {
  const node = toGraph(doc).nodes.find((candidate) => candidate.id === id);
  return node && { x: node.x, y: node.y };
};

describe('createUndoManager', () => {
  it("undoes only the local user's edit when a remote edit is interleaved", () => {
    const { a, b, undo } = pipelinePair();
    const node = addNode(a, alice, { type: 'test.forest', x: 0, y: 0 }, { registry: TEST_REGISTRY });
    pause(undo);
    moveNode(a, alice, node, 100, 100);
    setParam(b, bob, node, 'n_estimators', 500); // arrives at `a` in between, as a remote edit
    renameNode(b, bob, node, 'Forest (Bob)');
    undo.undo();
    for (const doc of [a, b]) {
      expect(position(doc, node)).toEqual({ x: 0, y: 0 });
      expect(toGraph(doc).nodes[0]).toMatchObject({ label: 'Forest (Bob)', params: { n_estimators: 500 } });
    }
    undo.redo();
    expect(position(b, node)).toEqual({ x: 100, y: 100 });
  });

  it('never tracks remote, migration or restore transactions', () => {
    const { a, b, undo } = pipelinePair();
    addNode(b, bob, { type: 'test.csv', x: 0, y: 0 });
    setMeta(a, RESTORE_ORIGIN, { name: 'Restored' });
    migrateDocument(a);
    expect(undo.canUndo()).toBe(false);
  });

  it('two sessions of one person keep separate histories', () => {
    const { a, undo } = pipelinePair();
    const otherTab = createUserOrigin('alice');
    addNode(a, otherTab, { type: 'test.csv', x: 0, y: 0 });
    expect(undo.canUndo()).toBe(false);
  });

  it('merges quick continuous edits (typing) into one step', () => {
    const { a, undo } = pipelinePair();
    const node = addNode(a, alice, { type: 'test.csv', x: 0, y: 0, label: '' });
    pause(undo);
    for (const label of ['I', 'Ir', 'Iri', 'Iris']) {
      renameNode(a, alice, node, label);
    }
    undo.undo();
    expect(toGraph(a).nodes[0].label).toBe('');
    expect(undo.canUndo()).toBe(true); // the addNode is its own step
  });

  it('restores a deleted node together with its edges and params', () => {
    const { a, b, undo } = pipelinePair();
    const csv = addNode(a, alice, { type: 'test.csv', x: 0, y: 0 }, { registry: TEST_REGISTRY });
    const clean = addNode(a, alice, { type: 'test.clean', x: 0, y: 0 }, { registry: TEST_REGISTRY });
    connect(a, alice, { source: csv, sourcePort: 'table', target: clean, targetPort: 'table' }, TEST_RULES);
    setParam(a, alice, csv, 'path', 'iris.csv');
    const before = toGraph(a);
    pause(undo);
    gesture(a, alice, () => deleteNodes(a, alice, [csv]));
    expect(toGraph(b).edges).toEqual([]);
    undo.undo();
    expect(toGraph(a)).toEqual(before);
    expect(toGraph(b)).toEqual(before);
  });

  it('undoing an add after a remote connect leaves a dangling edge, which the reader drops', () => {
    const { a, b, undo } = pipelinePair();
    const csv = addNode(a, alice, { type: 'test.csv', x: 0, y: 0 });
    pause(undo);
    const clean = addNode(b, bob, { type: 'test.clean', x: 0, y: 0 });
    connect(b, bob, { source: csv, sourcePort: 'table', target: clean, targetPort: 'table' }, TEST_RULES);
    undo.undo(); // removes alice's csv node; bob's edge to it stays (Yjs undo is per item)
    const reading = readDocument(b);
    expect(reading.graph.edges).toEqual([]);
    expect(reading.issues.map((issue) => issue.kind)).toEqual(['dangling-edge']);
  });
});

describe('known Yjs undo artefact (yjs/yjs#514)', () => {
  it('undoing a move that won a concurrent conflict leaves the coordinate missing; the reader copes', () => {
    const a = newPipelineDoc();
    a.clientID = 2; // the higher client id wins concurrent writes of one key
    const b = new Y.Doc();
    b.clientID = 1;
    syncOnce(a, b);
    const undo = createUndoManager(a, alice);
    const node = addNode(a, alice, { type: 'test.csv', x: 0, y: 0 });
    syncOnce(a, b);
    pause(undo);
    moveNode(a, alice, node, 10, 0);
    moveNode(b, bob, node, 20, 0);
    syncOnce(a, b);
    syncOnce(b, a);
    expect(position(a, node)).toEqual({ x: 10, y: 0 });
    undo.undo(); // Yjs deletes alice's x = 10 and cannot restore x = 0 (bob's write sits in between)
    const reading = readDocument(a);
    expect(reading.graph.nodes[0]).toMatchObject({ x: 0, y: 0 });
    expect(reading.issues).toEqual([
      {
        kind: 'invalid-node-field',
        nodeId: node,
        field: 'x',
        problem: 'missing',
        message: expect.any(String),
      },
    ]);
    moveNode(a, alice, node, 5, 0); // the next move writes the field again
    expect(readDocument(a).issues).toEqual([]);
  });
});

describe('gesture', () => {
  it('makes a composite action one undo step', () => {
    const { a, undo } = pipelinePair();
    const csv = addNode(a, alice, { type: 'test.csv', x: 0, y: 0 });
    pause(undo);
    gesture(a, alice, () => {
      const clean = addNode(a, alice, { type: 'test.clean', x: 50, y: 0 });
      connect(a, alice, { source: csv, sourcePort: 'table', target: clean, targetPort: 'table' }, TEST_RULES);
      moveNode(a, alice, csv, -10, 0);
    });
    expect(toGraph(a).nodes).toHaveLength(2);
    undo.undo();
    expect(toGraph(a)).toMatchObject({ nodes: [{ id: csv, x: 0 }], edges: [] });
    undo.redo();
    expect(toGraph(a).edges).toHaveLength(1);
  });

  it('fences both sides: no merging with an edit just before or just after', () => {
    const { a, undo } = pipelinePair();
    const node = addNode(a, alice, { type: 'test.csv', x: 0, y: 0, label: 'A' });
    pause(undo);
    renameNode(a, alice, node, 'B'); // continuous edit
    gesture(a, alice, () => moveNode(a, alice, node, 5, 5)); // within the capture window
    renameNode(a, alice, node, 'C'); // still within it
    undo.undo();
    expect(toGraph(a).nodes[0]).toMatchObject({ label: 'B', x: 5 });
    undo.undo();
    expect(toGraph(a).nodes[0]).toMatchObject({ label: 'B', x: 0 });
    undo.undo();
    expect(toGraph(a).nodes[0]).toMatchObject({ label: 'A', x: 0 });
  });

  it('without a gesture, quick discrete edits merge into one step (why gestures exist)', () => {
    const { a, undo } = pipelinePair();
    const node = addNode(a, alice, { type: 'test.csv', x: 0, y: 0, label: 'A' });
    pause(undo);
    renameNode(a, alice, node, 'B');
    moveNode(a, alice, node, 5, 5);
    undo.undo();
    expect(toGraph(a).nodes[0]).toMatchObject({ label: 'A', x: 0 });
  });

  it('a refused operation between a gesture and the next edit does not remove the fence', () => {
    const { a, undo } = pipelinePair();
    const node = addNode(a, alice, { type: 'test.csv', x: 0, y: 0, label: 'A' });
    pause(undo);
    gesture(a, alice, () => moveNode(a, alice, node, 5, 5));
    // Refused: an empty transaction with the user's origin.
    connect(a, alice, { source: node, sourcePort: 'table', target: node, targetPort: 'table' }, TEST_RULES);
    renameNode(a, alice, node, 'B');
    undo.undo();
    expect(toGraph(a).nodes[0]).toMatchObject({ label: 'A', x: 5 });
  });

  it('returns what the action returns and runs one transaction with the origin', () => {
    const doc = newPipelineDoc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    const id = gesture(doc, alice, () => {
      const created = addNode(doc, alice, { type: 'test.csv', x: 0, y: 0 });
      moveNode(doc, alice, created, 1, 1);
      return created;
    });
    expect(id).toMatch(/^n_/);
    expect(origins).toEqual([alice]);
  });
});
