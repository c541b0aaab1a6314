import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getNodeMap } from '../../shared/doc/layout.ts';
import { addNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin } from '../../shared/doc/origins.ts';
import { resetParams, setParam, setParams } from '../../shared/doc/params.ts';
import { readDocument, toGraph } from '../../shared/doc/reader.ts';
import { countUpdates, newPipelineDoc, syncOnce, TEST_REGISTRY } from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

function withForest() {
  const doc = newPipelineDoc();
  const id = addNode(doc, me, { type: 'test.forest', x: 0, y: 0 }, { registry: TEST_REGISTRY });
  return { doc, id, params: () => toGraph(doc).nodes[0].params };
}

describe('setParam / setParams', () => {
  it('stores JSON values of every shape', () => {
    const { doc, id, params } = withForest();
    const values = {
      n_estimators: 300,
      max_depth: null,
      criterion: 'gini',
      bootstrap: false,
      sizes: [64, 32],
      grid: { C: [0.1, 1] },
    };
    // max_depth is already null (its default), so it is not rewritten.
    expect(setParams(doc, me, id, values)).toEqual({
      ok: true,
      changed: ['n_estimators', 'criterion', 'bootstrap', 'sizes', 'grid'],
    });
    expect(params()).toEqual(values);
  });

  it('rewrites nothing when the values are equal (deep equality, any key order)', () => {
    const { doc, id } = withForest();
    setParam(doc, me, id, 'grid', { C: [1, 2], kernel: 'rbf' });
    let result: ReturnType<typeof setParams> | undefined;
    const updates = countUpdates(doc, () => {
      result = setParams(doc, me, id, { grid: { kernel: 'rbf', C: [1, 2] }, n_estimators: 100 });
    });
    expect(result).toEqual({ ok: true, changed: [] });
    expect(updates).toBe(0);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['undefined', undefined],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a bigint', 10n],
    ['a nested NaN', { a: [1, Number.NaN] }],
    ['an array with holes', new Array<number>(3)],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
    [
      'a cycle',
      (() => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        return cyclic;
      })(),
    ],
  ])('refuses %s and writes nothing', (_name, value) => {
    const { doc, id, params } = withForest();
    const before = params();
    let result: ReturnType<typeof setParams> | undefined;
    expect(countUpdates(doc, () => (result = setParams(doc, me, id, { n_estimators: 5, bad: value })))).toBe(
      0,
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid-value' });
    expect(params()).toEqual(before);
  });

  it('accepts objects without a prototype (which Yjs itself would refuse) by storing a copy', () => {
    const { doc, id, params } = withForest();
    const value = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(setParam(doc, me, id, 'grid', value)).toEqual({ ok: true, changed: ['grid'] });
    expect(params().grid).toEqual({ a: 1 });
  });

  it('refuses a value nested deeper than the limit', () => {
    const { doc, id } = withForest();
    let deep: unknown = 1;
    for (let level = 0; level < 100; level++) deep = [deep];
    expect(setParam(doc, me, id, 'deep', deep)).toMatchObject({ ok: false, reason: 'invalid-value' });
  });

  it('refuses unsafe parameter names', () => {
    const { doc, id } = withForest();
    expect(setParam(doc, me, id, '__proto__', 1)).toMatchObject({ ok: false, reason: 'invalid-name' });
    expect(setParam(doc, me, id, '', 1)).toMatchObject({ ok: false, reason: 'invalid-name' });
  });

  it('reports an unknown node', () => {
    const { doc } = withForest();
    expect(setParam(doc, me, 'n_gone', 'a', 1)).toMatchObject({ ok: false, reason: 'unknown-node' });
  });

  it('stores a copy: mutating the value afterwards does not reach the document', () => {
    const { doc, id, params } = withForest();
    const sizes = [64, 32];
    setParam(doc, me, id, 'sizes', sizes);
    sizes.push(16);
    expect(params().sizes).toEqual([64, 32]);
    // And what the reader returns is a copy too.
    (toGraph(doc).nodes[0].params.sizes as number[]).push(8);
    expect(params().sizes).toEqual([64, 32]);
  });

  it('merges concurrent edits of different parameters of one node', () => {
    const { doc: a, id } = withForest();
    const b = new Y.Doc();
    syncOnce(a, b);
    setParam(a, me, id, 'n_estimators', 10);
    setParam(b, createUserOrigin('bob'), id, 'max_depth', 4);
    syncOnce(a, b);
    syncOnce(b, a);
    expect(toGraph(a)).toEqual(toGraph(b));
    expect(toGraph(a).nodes[0].params).toEqual({ n_estimators: 10, max_depth: 4 });
  });

  it('repairs a node whose params are a plain object (format 0) on write', () => {
    const { doc, id } = withForest();
    doc.transact(() => getNodeMap(doc, id)!.set('params', { n_estimators: 7, broken: Number.NaN }));
    expect(setParam(doc, me, id, 'max_depth', 3)).toEqual({ ok: true, changed: ['max_depth'] });
    const reading = readDocument(doc);
    expect(reading.graph.nodes[0].params).toEqual({ n_estimators: 7, max_depth: 3 });
    expect(reading.issues).toEqual([]);
  });
});

describe('resetParams', () => {
  it('removes parameters so they take their defaults', () => {
    const { doc, id, params } = withForest();
    expect(resetParams(doc, me, id, ['max_depth', 'unknown'])).toEqual(['max_depth']);
    expect(params()).toEqual({ n_estimators: 100 });
    expect(resetParams(doc, me, 'n_gone', ['x'])).toEqual([]);
  });
});
