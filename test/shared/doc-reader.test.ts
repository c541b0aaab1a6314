import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { issueEffect } from '../../shared/doc/issues.ts';
import { getEdgesMap, getMetaMap, getNodesMap } from '../../shared/doc/layout.ts';
import { addNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin } from '../../shared/doc/origins.ts';
import { setParam } from '../../shared/doc/params.ts';
import { readDocument, readNode, readNodePosition, toGraph } from '../../shared/doc/reader.ts';
import { CURRENT_SCHEMA } from '../../shared/doc/schema.ts';
import { newPipelineDoc, syncOnce, TEST_REGISTRY } from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

function yMap(entries: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entries)) map.set(key, value);
  return map;
}

/** What a buggy or hostile client could leave in a document. */
function brokenDocument(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = getMetaMap(doc);
    meta.set('schema', CURRENT_SCHEMA);
    meta.set('name', 42);
    meta.set('tags', ['ok', 7, null]);
    const nodes = getNodesMap(doc);
    nodes.set(
      'n_good',
      yMap({ type: 'test.csv', label: 'Data', x: 1, y: 2, params: yMap({ path: 'a.csv' }) }),
    );
    nodes.set('n_string', 'not a node');
    nodes.set('n_untyped', yMap({ label: 'No type', x: 0, y: 0, params: new Y.Map() }));
    const params = yMap({ fine: [1, 2], list: new Y.Array(), nested: new Y.Map() });
    params.set('__proto__', { polluted: true });
    nodes.set('n_odd', yMap({ type: 'test.clean', label: 7, x: 'left', y: Number.NaN, params }));
    nodes.set('n_bare', yMap({ type: 'future.Component' }));
    const edges = getEdgesMap(doc);
    const edge = (source: string, target: string) =>
      yMap({ source, sourcePort: 'table', target, targetPort: 'table' });
    edges.set('e_ok', edge('n_good', 'n_odd'));
    edges.set('e_dangling', edge('n_good', 'n_deleted'));
    edges.set('e_to_untyped', edge('n_untyped', 'n_odd'));
    edges.set('e_plain', { source: 'n_good', sourcePort: 'table', target: 'n_odd', targetPort: 'table' });
    edges.set('e_partial', yMap({ source: 'n_good', sourcePort: 'table', target: 'n_odd' }));
  });
  return doc;
}

describe('readDocument', () => {
  it('reads a broken document, keeping what it can and reporting the rest', () => {
    const reading = readDocument(brokenDocument(), { registry: TEST_REGISTRY });
    expect(reading.meta).toEqual({ name: '', description: '', tags: ['ok'], schema: CURRENT_SCHEMA });
    expect(reading.graph).toEqual({
      nodes: [
        { id: 'n_bare', type: 'future.Component', label: 'future.Component', x: 0, y: 0, params: {} },
        { id: 'n_good', type: 'test.csv', label: 'Data', x: 1, y: 2, params: { path: 'a.csv' } },
        { id: 'n_odd', type: 'test.clean', label: 'Clean table', x: 0, y: 0, params: { fine: [1, 2] } },
      ],
      edges: [{ id: 'e_ok', source: 'n_good', sourcePort: 'table', target: 'n_odd', targetPort: 'table' }],
    });
    expect(reading.issues.map((issue) => [issue.kind, issueEffect(issue)])).toEqual([
      ['invalid-meta', 'defaulted'], // name
      ['invalid-meta', 'defaulted'], // tags
      ['unknown-component', 'kept'], // n_bare
      ['invalid-node-field', 'defaulted'], // n_bare label
      ['invalid-node-field', 'defaulted'], // n_bare x
      ['invalid-node-field', 'defaulted'], // n_bare y
      ['invalid-node-field', 'defaulted'], // n_bare params
      ['invalid-node-field', 'defaulted'], // n_odd label
      ['invalid-node-field', 'defaulted'], // n_odd x
      ['invalid-node-field', 'defaulted'], // n_odd y
      ['invalid-param', 'dropped'], // __proto__
      ['invalid-param', 'dropped'], // list
      ['invalid-param', 'dropped'], // nested
      ['invalid-node', 'dropped'], // n_string
      ['invalid-node', 'dropped'], // n_untyped
      ['dangling-edge', 'dropped'],
      ['invalid-edge', 'dropped'], // e_partial
      ['invalid-edge', 'dropped'], // e_plain
      ['dangling-edge', 'dropped'], // e_to_untyped
    ]);
    expect(reading.issues.find((issue) => issue.kind === 'dangling-edge')).toMatchObject({
      edgeId: 'e_dangling',
      missingNodeIds: ['n_deleted'],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports documents of other schema versions', () => {
    const newer = newPipelineDoc();
    newer.transact(() => getMetaMap(newer).set('schema', CURRENT_SCHEMA + 1));
    expect(readDocument(newer).issues.map((issue) => issue.kind)).toEqual(['unsupported-schema']);
    const older = new Y.Doc();
    addNode(older, me, { type: 'test.csv', x: 0, y: 0 });
    expect(readDocument(older).issues.map((issue) => issue.kind)).toEqual(['outdated-schema']);
    expect(readDocument(new Y.Doc()).issues).toEqual([]); // empty: nothing to migrate yet
  });

  it('produces identical output on replicas that received updates in different orders', () => {
    const a = newPipelineDoc();
    const id = addNode(a, me, { type: 'test.csv', x: 0, y: 0 });
    const b = new Y.Doc();
    syncOnce(a, b);
    // Concurrent writes of different keys: each replica inserts its own key first.
    setParam(a, me, id, 'zeta', 1);
    setParam(b, me, id, 'alpha', 2);
    addNode(a, me, { type: 'test.csv', x: 0, y: 0 });
    addNode(b, me, { type: 'test.clean', x: 0, y: 0 });
    syncOnce(a, b);
    syncOnce(b, a);
    expect(Array.from(getNodesMap(a).keys())).not.toEqual(Array.from(getNodesMap(b).keys()));
    expect(JSON.stringify(toGraph(a))).toBe(JSON.stringify(toGraph(b)));
  });

  it('returns copies that callers may mutate freely', () => {
    const doc = newPipelineDoc();
    const id = addNode(doc, me, { type: 'test.csv', x: 0, y: 0, params: { cols: ['a'] } });
    const graph = toGraph(doc);
    (graph.nodes[0].params.cols as string[]).push('b');
    graph.nodes[0].params.extra = 1;
    expect(readNode(doc, id)?.params).toEqual({ cols: ['a'] });
  });

  it('never throws, whatever values the maps hold (property-based)', () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(Number.NaN, undefined, new Uint8Array([1])),
      fc.dictionary(
        fc.constantFrom('type', 'label', 'x', 'y', 'params', 'source', 'target', 'sourcePort', 'targetPort'),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    );
    const entries = fc.array(
      fc.tuple(
        fc.constantFrom('meta', 'nodes', 'edges'),
        fc.string({ maxLength: 3 }),
        anyValue,
        fc.boolean(),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(entries, (writes) => {
        const doc = new Y.Doc();
        doc.transact(() => {
          for (const [root, key, value, asMap] of writes) {
            const isRecord =
              typeof value === 'object' &&
              value !== null &&
              !Array.isArray(value) &&
              !(value instanceof Uint8Array);
            // structuredClone: Yjs refuses top-level objects without a prototype, which fast-check makes.
            const plain = structuredClone(value);
            doc.getMap(root).set(key, asMap && isRecord ? yMap(plain as Record<string, unknown>) : plain);
          }
        });
        const reading = readDocument(doc, { registry: TEST_REGISTRY });
        const ids = new Set(reading.graph.nodes.map((node) => node.id));
        for (const edge of reading.graph.edges)
          expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
        for (const node of reading.graph.nodes)
          expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readNode', () => {
  it('reads one node, or null', () => {
    const doc = newPipelineDoc();
    const id = addNode(doc, me, { type: 'test.csv', x: 3, y: 4 }, { registry: TEST_REGISTRY });
    expect(readNode(doc, id)).toMatchObject({ id, type: 'test.csv', x: 3, y: 4 });
    expect(readNode(doc, 'n_missing')).toBeNull();
  });
});

describe('readNodePosition', () => {
  it('reads where a node is exactly as readNode does, broken coordinates as 0', () => {
    const doc = newPipelineDoc();
    const id = addNode(doc, me, { type: 'test.csv', x: 3, y: 4 }, { registry: TEST_REGISTRY });
    expect(readNodePosition(doc, id)).toEqual({ x: 3, y: 4 });
    const node = getNodesMap(doc).get(id) as Y.Map<unknown>;
    node.set('x', 'ten');
    node.set('y', Number.NaN);
    expect(readNodePosition(doc, id)).toEqual({ x: 0, y: 0 });
    expect(readNode(doc, id)).toMatchObject({ x: 0, y: 0 });
  });

  it('is null for a missing node, a node that is not a map and one without a type', () => {
    const doc = newPipelineDoc();
    getNodesMap(doc).set('n_plain', { type: 'test.csv', x: 1, y: 2 });
    getNodesMap(doc).set('n_untyped', yMap({ x: 1, y: 2 }));
    expect(readNodePosition(doc, 'n_missing')).toBeNull();
    expect(readNodePosition(doc, 'n_plain')).toBeNull();
    expect(readNodePosition(doc, 'n_untyped')).toBeNull();
    expect(readNode(doc, 'n_untyped')).toBeNull();
  });
});
