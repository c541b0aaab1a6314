import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect } from '../../shared/doc/edges.ts';
import { getNodeMap } from '../../shared/doc/layout.ts';
import { addNode, deleteNodes, moveNode, moveNodes, renameNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin } from '../../shared/doc/origins.ts';
import { readDocument, toGraph } from '../../shared/doc/reader.ts';
import {
  countUpdates,
  newPipelineDoc,
  sequentialIds,
  TEST_REGISTRY,
  TEST_RULES,
} from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

describe('addNode', () => {
  it('fills params from the component defaults and the label from its name', () => {
    const doc = newPipelineDoc();
    const id = addNode(doc, me, { type: 'test.split', x: 10, y: 20 }, { registry: TEST_REGISTRY });
    expect(toGraph(doc).nodes).toEqual([
      {
        id,
        type: 'test.split',
        label: 'Train/test split',
        x: 10,
        y: 20,
        params: { random_state: 0, test_size: 0.25 },
      },
    ]);
  });

  it('lets given params and label override the defaults', () => {
    const doc = newPipelineDoc();
    const id = addNode(
      doc,
      me,
      { type: 'test.split', x: 0, y: 0, label: 'Holdout', params: { test_size: 0.3, stratify: 'target' } },
      { registry: TEST_REGISTRY },
    );
    const node = toGraph(doc).nodes[0];
    expect(node).toMatchObject({
      id,
      label: 'Holdout',
      params: { test_size: 0.3, random_state: 0, stratify: 'target' },
    });
  });

  it('without a registry stores only the given params and labels the node by its type', () => {
    const doc = newPipelineDoc();
    addNode(doc, me, { type: 'test.split', x: 0, y: 0 });
    expect(toGraph(doc).nodes[0]).toMatchObject({ label: 'test.split', params: {} });
  });

  it('accepts a type the registry does not know (validation reports it later)', () => {
    const doc = newPipelineDoc();
    addNode(doc, me, { type: 'future.Component', x: 0, y: 0 }, { registry: TEST_REGISTRY });
    const reading = readDocument(doc, { registry: TEST_REGISTRY });
    expect(reading.graph.nodes).toHaveLength(1);
    expect(reading.issues.map((issue) => issue.kind)).toEqual(['unknown-component']);
  });

  it('gives every node a fresh random id', () => {
    const doc = newPipelineDoc();
    const ids = new Set(
      Array.from({ length: 200 }, () => addNode(doc, me, { type: 'test.csv', x: 0, y: 0 })),
    );
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^n_[0-9a-z]{20}$/);
  });

  it('uses the id factory when given one', () => {
    const doc = newPipelineDoc();
    expect(addNode(doc, me, { type: 'test.csv', x: 0, y: 0 }, { newId: sequentialIds('t') })).toBe('n_t1');
  });

  it('refuses malformed specs before writing anything', () => {
    const doc = newPipelineDoc();
    expect(() => addNode(doc, me, { type: '', x: 0, y: 0 })).toThrow(TypeError);
    expect(() => addNode(doc, me, { type: 'test.csv', x: Number.NaN, y: 0 })).toThrow(RangeError);
    expect(() => addNode(doc, me, { type: 'test.csv', x: 0, y: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
    const notJson = { when: new Date() } as unknown as Record<string, never>;
    expect(() => addNode(doc, me, { type: 'test.csv', x: 0, y: 0, params: notJson })).toThrow(TypeError);
    expect(toGraph(doc).nodes).toEqual([]);
  });

  it('writes in one transaction with the given origin', () => {
    const doc = newPipelineDoc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    addNode(doc, me, { type: 'test.csv', x: 0, y: 0 }, { registry: TEST_REGISTRY });
    expect(origins).toEqual([me]);
  });
});

describe('moveNodes', () => {
  it('moves several nodes in one update', () => {
    const doc = newPipelineDoc();
    const a = addNode(doc, me, { type: 'test.csv', x: 0, y: 0 });
    const b = addNode(doc, me, { type: 'test.csv', x: 0, y: 0 });
    let moved = 0;
    const updates = countUpdates(doc, () => {
      moved = moveNodes(doc, me, [
        { id: a, x: 5, y: 6 },
        { id: b, x: 7, y: 8 },
      ]);
    });
    expect(moved).toBe(2);
    expect(updates).toBe(1);
    expect(toGraph(doc).nodes.map(({ id, x, y }) => ({ id, x, y }))).toEqual(
      [
        { id: a, x: 5, y: 6 },
        { id: b, x: 7, y: 8 },
      ].sort((p, q) => (p.id < q.id ? -1 : 1)),
    );
  });

  it('writes nothing when the position did not change', () => {
    const doc = newPipelineDoc();
    const a = addNode(doc, me, { type: 'test.csv', x: 3, y: 4 });
    const sizeBefore = Y.encodeStateAsUpdate(doc).length;
    expect(countUpdates(doc, () => expect(moveNode(doc, me, a, 3, 4)).toBe(false))).toBe(0);
    expect(Y.encodeStateAsUpdate(doc).length).toBe(sizeBefore);
  });

  it('writes only the coordinate that changed', () => {
    const doc = newPipelineDoc();
    const a = addNode(doc, me, { type: 'test.csv', x: 3, y: 4 });
    const changedKeys: string[] = [];
    getNodeMap(doc, a)!.observe((event) => changedKeys.push(...event.keysChanged));
    moveNode(doc, me, a, 3, 9);
    expect(changedKeys).toEqual(['y']);
  });

  it('skips nodes that no longer exist', () => {
    const doc = newPipelineDoc();
    const a = addNode(doc, me, { type: 'test.csv', x: 0, y: 0 });
    expect(
      moveNodes(doc, me, [
        { id: 'n_gone', x: 1, y: 1 },
        { id: a, x: 1, y: 1 },
      ]),
    ).toBe(1);
  });

  it('refuses non-finite positions before writing', () => {
    const doc = newPipelineDoc();
    const a = addNode(doc, me, { type: 'test.csv', x: 0, y: 0 });
    expect(() =>
      moveNodes(doc, me, [
        { id: a, x: 1, y: 1 },
        { id: a, x: Number.NaN, y: 0 },
      ]),
    ).toThrow(RangeError);
    expect(toGraph(doc).nodes[0]).toMatchObject({ x: 0, y: 0 });
  });
});

describe('renameNode', () => {
  it('sets the label and reports whether it changed', () => {
    const doc = newPipelineDoc();
    const a = addNode(doc, me, { type: 'test.csv', x: 0, y: 0, label: 'Iris' });
    expect(renameNode(doc, me, a, 'Iris')).toBe(false);
    expect(renameNode(doc, me, a, 'Iris data ')).toBe(true);
    expect(toGraph(doc).nodes[0].label).toBe('Iris data ');
    expect(renameNode(doc, me, 'n_unknown', 'x')).toBe(false);
  });
});

describe('deleteNodes', () => {
  it('deletes the nodes and every edge touching them in one update', () => {
    const doc = newPipelineDoc();
    const ids = sequentialIds();
    const csv = addNode(doc, me, { type: 'test.csv', x: 0, y: 0 }, { newId: ids });
    const clean = addNode(doc, me, { type: 'test.clean', x: 0, y: 0 }, { newId: ids });
    const split = addNode(doc, me, { type: 'test.split', x: 0, y: 0 }, { newId: ids });
    const e1 = connect(
      doc,
      me,
      { source: csv, sourcePort: 'table', target: clean, targetPort: 'table' },
      TEST_RULES,
    );
    const e2 = connect(
      doc,
      me,
      { source: clean, sourcePort: 'table', target: split, targetPort: 'table' },
      TEST_RULES,
    );
    expect(e1.ok && e2.ok).toBe(true);
    let deleted: ReturnType<typeof deleteNodes> | undefined;
    expect(countUpdates(doc, () => (deleted = deleteNodes(doc, me, [clean, 'n_unknown'])))).toBe(1);
    expect(deleted!.nodeIds).toEqual([clean]);
    expect(deleted!.edgeIds.sort()).toEqual([e1.ok && e1.edgeId, e2.ok && e2.edgeId].sort());
    const reading = readDocument(doc);
    expect(reading.graph.nodes.map((node) => node.id)).toEqual([csv, split]);
    expect(reading.graph.edges).toEqual([]);
    expect(reading.issues).toEqual([]);
  });

  it('writes nothing when no id exists', () => {
    const doc = newPipelineDoc();
    expect(countUpdates(doc, () => deleteNodes(doc, me, ['n_a']))).toBe(0);
  });
});
