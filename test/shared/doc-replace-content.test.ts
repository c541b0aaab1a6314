/**
 * Restoring a snapshot into a live document (`replaceContent`): the document ends equal to the
 * snapshot whatever happened since, in one restore transaction, which no person's undo reverts,
 * and replicas editing concurrently still converge.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { catalog } from '../../shared/catalog/index.ts';
import {
  addNode,
  createUndoManager,
  createUserOrigin,
  type DocumentContent,
  deleteNodes,
  getEdgesMap,
  getNodesMap,
  moveNode,
  RESTORE_ORIGIN,
  readContentOfState,
  readDocument,
  renameNode,
  replaceContent,
  setMeta,
  setParam,
  toGraph,
} from '../../shared/doc/index.ts';
import { makeScene, sceneDoc, templateScene } from '../fixtures/scenes/index.ts';
import { countUpdates, syncOnce } from './helpers/doc-fixtures.ts';
import { applyRandomEdit } from './helpers/random-edits.ts';
import { createSeededRandom } from './helpers/seeded-random.ts';

const alice = createUserOrigin('alice');

function contentOf(doc: Y.Doc): DocumentContent {
  const { graph, meta } = readDocument(doc);
  return { graph, meta: { name: meta.name, description: meta.description, tags: meta.tags } };
}

/** A document holding the iris template, and its content as a saved version would hold it. */
function irisWithSnapshot() {
  const doc = sceneDoc(templateScene('iris-logistic-regression'), { name: 'Iris' });
  const snapshot = readContentOfState(Y.encodeStateAsUpdate(doc));
  return { doc, snapshot };
}

/** Edits of every kind a person makes, as one person. */
function editEverything(doc: Y.Doc): void {
  setParam(doc, alice, 'model', 'max_iter', 999);
  setParam(doc, alice, 'split', 'test_size', 0.5);
  renameNode(doc, alice, 'scaler', 'Scaler (renamed)');
  moveNode(doc, alice, 'train', 1234, 567);
  deleteNodes(doc, alice, ['confusion']);
  getEdgesMap(doc).delete('data.table->split.table');
  addNode(doc, alice, { type: 'sklearn.impute.SimpleImputer', x: 5, y: 5 }, { registry: catalog });
  setMeta(doc, alice, { name: 'Iris v2', tags: ['draft'] });
}

describe('replaceContent', () => {
  it('makes the document read exactly the snapshot after edits of every kind', () => {
    const { doc, snapshot } = irisWithSnapshot();
    editEverything(doc);
    expect(contentOf(doc)).not.toEqual(snapshot);

    const summary = replaceContent(doc, RESTORE_ORIGIN, snapshot);
    expect(contentOf(doc)).toEqual(snapshot);
    expect(summary).toEqual({
      nodesAdded: 1,
      nodesRemoved: 1,
      nodesUpdated: 4,
      edgesAdded: 2, // the deleted edge, and the one that went with the deleted node
      edgesRemoved: 0,
      metaChanged: true,
    });
  });

  it('writes in one transaction with the restore origin, and nothing when already equal', () => {
    const { doc, snapshot } = irisWithSnapshot();
    expect(countUpdates(doc, () => replaceContent(doc, RESTORE_ORIGIN, snapshot))).toBe(0);
    editEverything(doc);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    expect(countUpdates(doc, () => replaceContent(doc, RESTORE_ORIGIN, snapshot))).toBe(1);
    expect(origins).toEqual([RESTORE_ORIGIN]);
  });

  it('removes nodes and edges the reader cannot read, and rewrites unreadable nodes the snapshot has', () => {
    const { doc, snapshot } = irisWithSnapshot();
    doc.transact(() => {
      getNodesMap(doc).set('junk', 'not a map');
      getEdgesMap(doc).set('broken', new Y.Map());
      const model = getNodesMap(doc).get('model') as Y.Map<unknown>;
      model.delete('type');
    });
    replaceContent(doc, RESTORE_ORIGIN, snapshot);
    expect(getNodesMap(doc).has('junk')).toBe(false);
    expect(getEdgesMap(doc).has('broken')).toBe(false);
    const reading = readDocument(doc);
    expect(reading.issues).toEqual([]);
    expect(contentOf(doc)).toEqual(snapshot);
  });

  it('ends equal to the snapshot after random edits (seeded)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = createSeededRandom(seed);
      const doc = sceneDoc(makeScene({ nodes: 40, edges: 55, seed }), { name: 'Scene' });
      const replica = { doc, origin: alice, undo: createUndoManager(doc, alice), newId: sequential(seed) };
      const steps: string[] = [];
      for (let i = 0; i < 10; i++) steps.push(applyRandomEdit(replica, random, doc));
      const snapshot = readContentOfState(Y.encodeStateAsUpdate(doc));
      for (let i = 0; i < 20; i++) steps.push(applyRandomEdit(replica, random, doc));
      replaceContent(doc, RESTORE_ORIGIN, snapshot);
      expect(contentOf(doc), `seed ${seed}: ${steps.join('; ')}`).toEqual(snapshot);
    }
  });
});

describe('replaceContent with people editing', () => {
  /** The server's copy (which restores) and a person's copy with their undo history. */
  function serverAndClient() {
    const { doc: server, snapshot } = irisWithSnapshot();
    const client = new Y.Doc();
    syncOnce(server, client);
    const undo = createUndoManager(client, alice, { captureTimeoutMs: 0 });
    return { server, client, undo, snapshot };
  }

  it("a person's undo after a restore does not revert it", () => {
    const { server, client, undo, snapshot } = serverAndClient();
    editEverything(client);
    syncOnce(client, server);

    replaceContent(server, RESTORE_ORIGIN, snapshot);
    syncOnce(server, client);
    expect(contentOf(client)).toEqual(snapshot);

    while (undo.canUndo()) undo.undo();
    expect(contentOf(client)).toEqual(snapshot);
    syncOnce(client, server);
    expect(contentOf(server)).toEqual(snapshot);
  });

  it('the restore is not on the undo stack of the replica that ran it', () => {
    const { doc, snapshot } = irisWithSnapshot();
    const undo = createUndoManager(doc, alice, { captureTimeoutMs: 0 });
    setParam(doc, alice, 'model', 'max_iter', 999);
    replaceContent(doc, RESTORE_ORIGIN, snapshot);
    expect(undo.undoStack).toHaveLength(1); // alice's own edit only
    undo.undo();
    expect(contentOf(doc)).toEqual(snapshot);
  });

  it('edits made concurrently with a restore are merged, and every replica converges', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = createSeededRandom(seed);
      const { server, client, undo, snapshot } = serverAndClient();
      const replica = { doc: client, origin: alice, undo, newId: sequential(seed) };
      editEverything(server);
      syncOnce(server, client);
      // Offline from each other: the client keeps editing while the server restores.
      const steps: string[] = [];
      for (let i = 0; i < 8; i++) steps.push(applyRandomEdit(replica, random, client));
      replaceContent(server, RESTORE_ORIGIN, snapshot);
      syncOnce(server, client);
      syncOnce(client, server);
      const context = `seed ${seed}: ${steps.join('; ')}`;
      expect(Y.encodeStateVector(client), context).toEqual(Y.encodeStateVector(server));
      expect(toGraph(client), context).toEqual(toGraph(server));
    }
  });

  it('a concurrent edit to a node the restore left alone survives it', () => {
    const { server, client, snapshot } = serverAndClient();
    setParam(server, alice, 'model', 'max_iter', 999);
    syncOnce(server, client);
    setParam(client, alice, 'split', 'test_size', 0.4); // concurrent with the restore below
    replaceContent(server, RESTORE_ORIGIN, snapshot);
    syncOnce(server, client);
    syncOnce(client, server);
    const graph = toGraph(server);
    expect(graph.nodes.find((n) => n.id === 'model')?.params.max_iter).toBe(200);
    expect(graph.nodes.find((n) => n.id === 'split')?.params.test_size).toBe(0.4);
    expect(toGraph(client)).toEqual(graph);
  });
});

function sequential(seed: number) {
  let counter = 0;
  return (kind: 'node' | 'edge') => `${kind}-${seed}-${++counter}`;
}
