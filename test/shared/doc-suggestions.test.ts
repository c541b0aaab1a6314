/**
 * Suggestions in the document: placing ghosts beside a dataset node, accepting (a real node wired
 * in place) and rejecting them, undo, deleting the dataset node, two replicas deciding at once,
 * and restore — all on the real titanic profile and the real catalog.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { catalog } from '../../shared/catalog/index.ts';
import { datasetFacts } from '../../shared/datasets/profile/index.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import {
  acceptRecommended,
  acceptSuggestion,
  addNode,
  createUndoManager,
  createUserOrigin,
  deleteNodes,
  GHOST_BOX,
  getSuggestionsMap,
  NODE_BOX,
  placeSuggestions,
  RESTORE_ORIGIN,
  readContentOfState,
  readDocument,
  readPendingSuggestions,
  readSuggestion,
  readSuggestions,
  rejectSuggestion,
  rejectSuggestions,
  replaceContent,
  serializeSelection,
  suggestionKey,
  toGraph,
} from '../../shared/doc/index.ts';
import { validateGraph } from '../../shared/validation/index.ts';
import { docWithCsvNode, realProfile } from './helpers/dataset-profiles.ts';
import { countUpdates, syncOnce } from './helpers/doc-fixtures.ts';

const ada = createUserOrigin('ada');
const bob = createUserOrigin('bob');
const ADA = { id: 'ada', name: 'Ada' };
const BOB = { id: 'bob', name: 'Bob' };
const NOW = () => new Date('2024-05-01T12:00:00.000Z');

let titanic: DatasetProfile;
beforeAll(async () => {
  titanic = await realProfile('titanic');
});

function placed(at = { x: 0, y: 0 }) {
  const { doc, datasetNodeId } = docWithCsvNode('titanic', ada, at);
  placeSuggestions(doc, { datasetNodeId, profile: titanic, origin: ada });
  const key = (id: string) => suggestionKey(datasetNodeId, id);
  return { doc, datasetNodeId, key };
}

/** Edges of the graph as `source.port -> target.port` with node ids replaced by suggestion ids. */
function wiring(doc: Y.Doc): string[] {
  const names = new Map<string, string>();
  for (const record of readSuggestions(doc)) if (record.nodeId) names.set(record.nodeId, record.suggestionId);
  const name = (id: string) => names.get(id) ?? 'dataset';
  return toGraph(doc)
    .edges.map((e) => `${name(e.source)}.${e.sourcePort} -> ${name(e.target)}.${e.targetPort}`)
    .sort();
}

function overlaps(
  a: { x: number; y: number },
  aSize: typeof GHOST_BOX | typeof NODE_BOX,
  b: typeof a,
  bSize: typeof aSize,
) {
  return (
    a.x < b.x + bSize.width && b.x < a.x + aSize.width && a.y < b.y + bSize.height && b.y < a.y + aSize.height
  );
}

describe('placeSuggestions', () => {
  it('writes every suggestion as a pending entry, to the right of the dataset node, in columns by depth', () => {
    const { doc, datasetNodeId, key } = placed({ x: 100, y: 40 });
    const records = readSuggestions(doc);
    expect(records).toHaveLength(15);
    expect(records.every((r) => r.status === 'pending' && r.datasetNode === datasetNodeId)).toBe(true);
    expect(records.every((r) => r.decidedBy === null && r.decidedAt === null && r.nodeId === null)).toBe(
      true,
    );
    const at = (id: string) => readSuggestion(doc, key(id))!;
    expect(at('drop-columns')).toMatchObject({ x: 380, y: 40 });
    expect(at('select-target')).toMatchObject({ x: 660, y: 40 });
    expect(at('train-test-split')).toMatchObject({ x: 940, y: 40 });
    // The preprocessing chains run below the data chain; the model after the router, then train and score.
    expect(at('impute-numeric').x).toBe(380);
    expect(at('impute-numeric').y).toBeGreaterThan(40);
    expect(at('column-router').x).toBe(100 + 4 * 280);
    expect(at('model-histgradientboostingclassifier').x).toBe(100 + 5 * 280);
    expect(at('train-model')).toMatchObject({ x: 100 + 6 * 280, y: 40 });
    expect(at('metrics')).toMatchObject({ x: 100 + 7 * 280, y: 40 });
    expect(at('drop-columns').suggestion).toEqual({
      componentType: 'dominoml.prepare.DropColumns',
      params: { columns: ['class', 'deck', 'embark_town', 'alive'] },
      reason: expect.stringContaining('“alive” is the target “survived” under another name'),
      confidence: 0.8,
      recommended: true,
      attachTo: [{ from: 'dataset', port: 'table' }],
    });
    for (const a of records)
      for (const b of records)
        if (a !== b) expect(overlaps(a, GHOST_BOX, b, GHOST_BOX), `${a.key} ${b.key}`).toBe(false);
  });

  it('keeps ghosts off existing nodes', () => {
    const { doc, datasetNodeId } = docWithCsvNode('titanic', ada);
    const blocker = { x: 280, y: 0 };
    addNode(doc, ada, { type: 'sklearn.preprocessing.StandardScaler', ...blocker }, { registry: catalog });
    placeSuggestions(doc, { datasetNodeId, profile: titanic, origin: ada });
    for (const record of readSuggestions(doc))
      expect(overlaps(record, GHOST_BOX, blocker, NODE_BOX)).toBe(false);
  });

  it('is idempotent, replaces only pending suggestions, and never revives a decided one', () => {
    const { doc, datasetNodeId, key } = placed();
    expect(
      countUpdates(doc, () => placeSuggestions(doc, { datasetNodeId, profile: titanic, origin: ada })),
    ).toBe(0);

    rejectSuggestion(doc, key('drop-columns'), ADA, ada);
    acceptSuggestion(doc, key('select-target'), ADA, ada);
    // A profile that no longer guesses a target: far fewer suggestions.
    const untargeted: DatasetProfile = { ...titanic, target: null };
    const keys = placeSuggestions(doc, { datasetNodeId, profile: untargeted, origin: ada });
    expect(keys).toEqual([]);
    expect(readSuggestions(doc).map((r) => `${r.suggestionId}:${r.status}`)).toEqual([
      'drop-columns:rejected',
      'select-target:accepted',
    ]);
    // Back to the full profile: pending ones return, decided ones stay decided.
    placeSuggestions(doc, { datasetNodeId, profile: titanic, origin: ada });
    expect(readSuggestion(doc, key('drop-columns'))!.status).toBe('rejected');
    expect(readSuggestion(doc, key('select-target'))!.status).toBe('accepted');
    expect(readPendingSuggestions(doc)).toHaveLength(13);
  });

  it('places nothing for a dataset node that does not exist', () => {
    const { doc } = docWithCsvNode('titanic', ada);
    expect(placeSuggestions(doc, { datasetNodeId: 'n_missing', profile: titanic, origin: ada })).toEqual([]);
    expect(getSuggestionsMap(doc).size).toBe(0);
  });
});

describe('acceptSuggestion', () => {
  it('creates the node at the ghost with its parameters, wires it to the dataset, and records who and when', () => {
    const { doc, datasetNodeId, key } = placed();
    const ghost = readSuggestion(doc, key('drop-columns'))!;
    const result = acceptSuggestion(doc, key('drop-columns'), ADA, ada, { now: NOW });
    expect(result).toMatchObject({ ok: true, key: key('drop-columns') });
    if (!result.ok) throw new Error('refused');
    const node = readDocument(doc).graph.nodes.find((n) => n.id === result.nodeId)!;
    expect(node).toMatchObject({
      type: 'dominoml.prepare.DropColumns',
      label: 'Drop columns',
      x: ghost.x,
      y: ghost.y,
      params: { columns: ['class', 'deck', 'embark_town', 'alive'] },
    });
    expect(readSuggestion(doc, key('drop-columns'))).toMatchObject({
      status: 'accepted',
      decidedBy: ADA,
      decidedAt: '2024-05-01T12:00:00.000Z',
      nodeId: result.nodeId,
    });
    expect(toGraph(doc).edges).toEqual([
      {
        id: result.edgeIds[0],
        source: datasetNodeId,
        sourcePort: 'table',
        target: result.nodeId,
        targetPort: 'table',
      },
    ]);
    expect(acceptSuggestion(doc, key('drop-columns'), ADA, ada)).toMatchObject({
      ok: false,
      reason: 'already-decided',
    });
    expect(acceptSuggestion(doc, key('nope'), ADA, ada)).toMatchObject({
      ok: false,
      reason: 'unknown-suggestion',
    });
  });

  it('wires into accepted suggestions downstream that were waiting for it, whatever the order', () => {
    const { doc, key } = placed();
    acceptSuggestion(doc, key('train-test-split'), ADA, ada);
    acceptSuggestion(doc, key('select-target'), ADA, ada);
    expect(wiring(doc)).toEqual(['select-target.table -> train-test-split.table']);
    acceptSuggestion(doc, key('drop-columns'), ADA, ada);
    expect(wiring(doc)).toEqual([
      'dataset.table -> drop-columns.table',
      'drop-columns.table -> select-target.table',
      'select-target.table -> train-test-split.table',
    ]);
  });

  it('steps over rejected suggestions that pass their input through', () => {
    const { doc, key } = placed();
    acceptSuggestion(doc, key('select-target'), ADA, ada);
    expect(wiring(doc)).toEqual([]);
    // Rejecting "Drop columns" lets the table flow from the dataset to the accepted target selection.
    rejectSuggestion(doc, key('drop-columns'), ADA, ada);
    expect(wiring(doc)).toEqual(['dataset.table -> select-target.table']);
    // Same in a transformer chain: without the scaler, the imputer feeds the route.
    rejectSuggestion(doc, key('scale-numeric'), ADA, ada);
    acceptSuggestion(doc, key('route-numeric'), ADA, ada);
    acceptSuggestion(doc, key('impute-numeric'), ADA, ada);
    expect(wiring(doc)).toContain('impute-numeric.out -> route-numeric.steps');
  });

  it('trains an alternative model when the recommended one is rejected', () => {
    const { doc, key } = placed();
    acceptSuggestion(doc, key('train-model'), ADA, ada);
    rejectSuggestion(doc, key('model-histgradientboostingclassifier'), ADA, ada);
    acceptSuggestion(doc, key('model-randomforestclassifier'), ADA, ada);
    expect(wiring(doc)).toEqual(['model-randomforestclassifier.estimator -> train-model.estimator']);
    // A second alternative finds the port taken and stays unwired.
    acceptSuggestion(doc, key('model-logisticregression'), ADA, ada);
    expect(wiring(doc)).toEqual(['model-randomforestclassifier.estimator -> train-model.estimator']);
  });

  it('accepting the recommended set gives a valid pipeline with one model, trained and scored', () => {
    const { doc, datasetNodeId, key } = placed();
    const results = acceptRecommended(doc, datasetNodeId, ADA, ada);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.key)).toEqual(
      [
        'drop-columns',
        'impute-numeric',
        'impute-categorical',
        'select-target',
        'scale-numeric',
        'one-hot',
        'train-test-split',
        'route-numeric',
        'route-categorical',
        'column-router',
        'model-histgradientboostingclassifier',
        'train-model',
        'metrics',
      ].map(key),
    );
    expect(readPendingSuggestions(doc).map((r) => r.suggestionId)).toEqual([
      'model-randomforestclassifier',
      'model-logisticregression',
    ]);
    expect(wiring(doc)).toEqual([
      'column-router.out -> model-histgradientboostingclassifier.preprocess',
      'dataset.table -> drop-columns.table',
      'drop-columns.table -> select-target.table',
      'impute-categorical.out -> one-hot.in',
      'impute-numeric.out -> scale-numeric.in',
      'model-histgradientboostingclassifier.estimator -> train-model.estimator',
      'one-hot.out -> route-categorical.steps',
      'route-categorical.route -> column-router.routes',
      'route-numeric.route -> column-router.routes',
      'scale-numeric.out -> route-numeric.steps',
      'select-target.table -> train-test-split.table',
      'train-model.model -> metrics.model',
      'train-test-split.split -> train-model.split',
    ]);
    const problems = validateGraph(toGraph(doc), catalog, { datasets: { titanic: datasetFacts(titanic) } });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('undo, delete and the graph', () => {
  it('one undo step takes an accept back: node and edges go, the ghost returns', () => {
    const { doc, key } = placed();
    const undo = createUndoManager(doc, ada, { captureTimeoutMs: 0 });
    acceptSuggestion(doc, key('drop-columns'), ADA, ada);
    rejectSuggestion(doc, key('select-target'), ADA, ada);
    undo.undo();
    expect(readSuggestion(doc, key('select-target'))!.status).toBe('pending');
    expect(readSuggestion(doc, key('drop-columns'))!.status).toBe('accepted');
    undo.undo();
    expect(readSuggestion(doc, key('drop-columns'))).toMatchObject({
      status: 'pending',
      nodeId: null,
      decidedBy: null,
    });
    expect(toGraph(doc).nodes).toHaveLength(1);
    expect(toGraph(doc).edges).toHaveLength(0);
    undo.redo();
    expect(readSuggestion(doc, key('drop-columns'))!.status).toBe('accepted');
    expect(toGraph(doc).nodes).toHaveLength(2);
  });

  it('deleting the dataset node removes its pending suggestions and keeps the decisions; undo restores them', () => {
    const { doc, datasetNodeId, key } = placed();
    const undo = createUndoManager(doc, ada, { captureTimeoutMs: 0 });
    acceptSuggestion(doc, key('drop-columns'), ADA, ada);
    rejectSuggestion(doc, key('select-target'), ADA, ada);
    deleteNodes(doc, ada, [datasetNodeId]);
    expect(readSuggestions(doc).map((r) => `${r.suggestionId}:${r.status}`)).toEqual([
      'drop-columns:accepted',
      'select-target:rejected',
    ]);
    undo.undo();
    expect(readPendingSuggestions(doc)).toHaveLength(13);
  });

  it('the graph, the code and copies never contain suggestions', () => {
    const { doc, datasetNodeId } = placed();
    expect(readDocument(doc).graph.nodes.map((n) => n.id)).toEqual([datasetNodeId]);
    expect(readDocument(doc).issues).toEqual([]);
    const copy = serializeSelection(doc, [datasetNodeId]);
    expect(JSON.stringify(copy)).not.toContain('suggestion');
  });

  it('skips malformed entries instead of failing', () => {
    const { doc, datasetNodeId } = placed();
    const map = getSuggestionsMap(doc);
    doc.transact(() => {
      map.set('junk', 42);
      const bad = new Y.Map<unknown>();
      bad.set('datasetNode', datasetNodeId);
      bad.set('suggestion', { componentType: 'x' });
      map.set(`${datasetNodeId}:bad`, bad);
    });
    expect(readSuggestions(doc)).toHaveLength(15);
  });
});

describe('two replicas', () => {
  function pair() {
    const { doc: a, datasetNodeId, key } = placed();
    const b = new Y.Doc();
    syncOnce(a, b);
    return { a, b, datasetNodeId, key };
  }

  it('B rejects a suggestion: A sees it rejected, by B', () => {
    const { a, b, key } = pair();
    rejectSuggestions(b, [key('drop-columns')], BOB, bob, { now: NOW });
    syncOnce(b, a);
    expect(readSuggestion(a, key('drop-columns'))).toMatchObject({
      status: 'rejected',
      decidedBy: BOB,
      decidedAt: '2024-05-01T12:00:00.000Z',
    });
    expect(readPendingSuggestions(a).map((r) => r.suggestionId)).not.toContain('drop-columns');
  });

  it('both accept the same suggestion at once: one node and one edge after the merge', () => {
    const { a, b, key } = pair();
    const fromA = acceptSuggestion(a, key('drop-columns'), ADA, ada);
    const fromB = acceptSuggestion(b, key('drop-columns'), BOB, bob);
    expect(fromA.ok && fromB.ok && fromA.nodeId === fromB.nodeId).toBe(true);
    syncOnce(a, b);
    syncOnce(b, a);
    for (const doc of [a, b]) {
      expect(toGraph(doc).nodes).toHaveLength(2);
      expect(toGraph(doc).edges).toHaveLength(1);
      expect(readSuggestion(doc, key('drop-columns'))!.status).toBe('accepted');
    }
    expect(toGraph(a)).toEqual(toGraph(b));
    expect(readSuggestions(a)).toEqual(readSuggestions(b));
  });

  it('both accept the recommended set at once: the same pipeline, not two', () => {
    const { a, b, datasetNodeId } = pair();
    acceptRecommended(a, datasetNodeId, ADA, ada);
    acceptRecommended(b, datasetNodeId, BOB, bob);
    syncOnce(a, b);
    syncOnce(b, a);
    expect(toGraph(a)).toEqual(toGraph(b));
    expect(toGraph(a).nodes).toHaveLength(14);
    expect(toGraph(a).edges).toHaveLength(13);
  });
});

describe('restore', () => {
  it('a version restores its suggestions; a version without any clears them', () => {
    const { doc, key } = placed();
    const before = readContentOfState(Y.encodeStateAsUpdate(doc));
    expect(before.suggestions).toHaveLength(15);
    acceptSuggestion(doc, key('drop-columns'), ADA, ada);
    rejectSuggestion(doc, key('select-target'), ADA, ada);

    replaceContent(doc, RESTORE_ORIGIN, before);
    expect(readPendingSuggestions(doc)).toHaveLength(15);
    expect(toGraph(doc).nodes).toHaveLength(1);
    expect(countUpdates(doc, () => replaceContent(doc, RESTORE_ORIGIN, before))).toBe(0);

    const empty = docWithCsvNode('titanic', ada).doc;
    replaceContent(doc, RESTORE_ORIGIN, readContentOfState(Y.encodeStateAsUpdate(empty)));
    expect(readSuggestions(doc)).toEqual([]);
  });
});
