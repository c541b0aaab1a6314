/**
 * The semantic diff over the real templates: edit a copy of a template the way a person would
 * (change a parameter, rename, add, remove, rewire, move) and check the diff names exactly that.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../shared/catalog/index.ts';
import { diffGraphs, isEmptyDiff } from '../../shared/diff/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { templates } from '../../shared/templates/index.ts';

const iris = () => structuredClone(templates.find((t) => t.id === 'iris-logistic-regression')!.graph);
const nodeOf = (graph: PipelineGraph, id: string) => graph.nodes.find((node) => node.id === id)!;
const options = { registry: catalog };

describe('diffGraphs over the templates', () => {
  it.each(templates.map((t) => [t.id, t] as const))(
    'finds nothing between %s and itself',
    (_id, template) => {
      const diff = diffGraphs(template.graph, structuredClone(template.graph), options);
      expect(isEmptyDiff(diff)).toBe(true);
      expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
      expect(diff.edges).toEqual({ added: [], removed: [] });
    },
  );

  it('reports a changed parameter with its value before and after', () => {
    const before = iris();
    const after = iris();
    nodeOf(after, 'model').params.max_iter = 500;
    const diff = diffGraphs(before, after, options);
    expect(diff.nodes.changed).toEqual([
      { nodeId: 'model', params: [{ name: 'max_iter', before: 200, after: 500 }] },
    ]);
    expect(diff.summary).toEqual({
      nodesAdded: 0,
      nodesRemoved: 0,
      nodesChanged: 1,
      paramsChanged: 1,
      edgesAdded: 0,
      edgesRemoved: 0,
    });
  });

  it('compares effective values: unset and set to the catalog default are the same', () => {
    const before = iris();
    const after = iris();
    nodeOf(after, 'model').params.C = 1; // LogisticRegression's default
    nodeOf(after, 'split').params.shuffle = true;
    expect(isEmptyDiff(diffGraphs(before, after, options))).toBe(true);

    // Without the catalog there is no default to compare with: the new setting shows.
    const raw = diffGraphs(before, after);
    expect(raw.nodes.changed.map((c) => [c.nodeId, c.params])).toEqual([
      ['model', [{ name: 'C', after: 1 }]],
      ['split', [{ name: 'shuffle', after: true }]],
    ]);
  });

  it('reports a parameter reset to its default as a change back to the default', () => {
    const before = iris();
    const after = iris();
    delete nodeOf(after, 'model').params.max_iter;
    expect(diffGraphs(before, after, options).nodes.changed).toEqual([
      { nodeId: 'model', params: [{ name: 'max_iter', before: 200, after: 100 }] },
    ]);
  });

  it('compares parameter values by deep JSON equality, whatever the key order', () => {
    const wine = templates.find((t) => t.id === 'wine-random-forest-grid-search')!.graph;
    const before = structuredClone(wine);
    const after = structuredClone(wine);
    const grid = nodeOf(before, 'search').params.param_grid as Record<string, unknown>;
    nodeOf(after, 'search').params.param_grid = Object.fromEntries(Object.entries(grid).reverse()) as never;
    expect(isEmptyDiff(diffGraphs(before, after, options))).toBe(true);

    nodeOf(after, 'search').params.param_grid = { ...grid, max_depth: [null, 8] } as never;
    const [change] = diffGraphs(before, after, options).nodes.changed;
    expect(change?.params).toEqual([
      { name: 'param_grid', before: grid, after: { ...grid, max_depth: [null, 8] } },
    ]);
  });

  it('reports label and type changes', () => {
    const before = iris();
    const after = iris();
    nodeOf(after, 'scaler').label = 'Scale features';
    const model = nodeOf(after, 'model');
    model.type = 'sklearn.svm.SVC';
    model.params = {};
    const diff = diffGraphs(before, after, options);
    const byId = Object.fromEntries(diff.nodes.changed.map((change) => [change.nodeId, change]));
    expect(byId.scaler).toEqual({
      nodeId: 'scaler',
      label: { before: 'Standard scaler', after: 'Scale features' },
      params: [],
    });
    expect(byId.model?.type).toEqual({
      before: 'sklearn.linear_model.LogisticRegression',
      after: 'sklearn.svm.SVC',
    });
    // Parameters of either component show on the side that has them.
    expect(byId.model?.params.find((p) => p.name === 'penalty')).toEqual({ name: 'penalty', before: 'l2' });
    expect(byId.model?.params.find((p) => p.name === 'kernel')).toEqual({ name: 'kernel', after: 'rbf' });
  });

  it('reports added and removed nodes and the edges that went with them', () => {
    const before = iris();
    const after = iris();
    after.nodes = after.nodes.filter((node) => node.id !== 'confusion');
    after.edges = after.edges.filter((edge) => edge.target !== 'confusion');
    after.nodes.push({
      id: 'imputer',
      type: 'sklearn.impute.SimpleImputer',
      label: 'Imputer',
      params: {},
      x: 0,
      y: 0,
    });
    after.edges.push({
      id: 'e-new',
      source: 'imputer',
      sourcePort: 'out',
      target: 'model',
      targetPort: 'preprocess',
    });
    const diff = diffGraphs(before, after, options);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(['imputer']);
    expect(diff.nodes.removed).toEqual([nodeOf(before, 'confusion')]);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.edges.added.map((edge) => edge.id)).toEqual(['e-new']);
    expect(diff.edges.removed.map((edge) => edge.id)).toEqual(['train.model->confusion.model']);
  });

  it('treats a wire deleted and drawn again (new id, same ports) as unchanged, but counts duplicates', () => {
    const before = iris();
    const after = iris();
    const edge = after.edges.find((e) => e.target === 'metrics')!;
    edge.id = 'redrawn';
    expect(isEmptyDiff(diffGraphs(before, after, options))).toBe(true);

    after.edges.push({ ...edge, id: 'duplicate' });
    expect(diffGraphs(before, after, options).edges.added.map((e) => e.id)).toEqual(['redrawn']);
  });

  it('ignores moves unless asked', () => {
    const before = iris();
    const after = iris();
    nodeOf(after, 'train').x = 999;
    expect(isEmptyDiff(diffGraphs(before, after, options))).toBe(true);
    const diff = diffGraphs(before, after, { ...options, includeMoves: true });
    const { x, y } = nodeOf(before, 'train');
    expect(diff.nodes.changed).toEqual([
      { nodeId: 'train', params: [], moved: { before: { x, y }, after: { x: 999, y } } },
    ]);
  });

  it('is deterministic whatever order nodes, edges and parameters come in', () => {
    const graphs = templates.map((t) => t.graph);
    fc.assert(
      fc.property(fc.constantFrom(...graphs), fc.constantFrom(...graphs), fc.integer(), (a, b, seed) => {
        const shuffled = (graph: PipelineGraph) => ({
          nodes: shuffle(graph.nodes, seed).map((node) => ({
            ...node,
            params: Object.fromEntries(shuffle(Object.entries(node.params), seed)),
          })),
          edges: shuffle(graph.edges, seed + 1),
        });
        expect(diffGraphs(shuffled(a), shuffled(b), options)).toEqual(diffGraphs(a, b, options));
      }),
      { numRuns: 50 },
    );
  });

  it('is symmetric: swapping sides swaps added with removed and before with after', () => {
    const before = iris();
    const after = structuredClone(templates.find((t) => t.id === 'breast-cancer-svc')!.graph);
    const forward = diffGraphs(before, after, options);
    const backward = diffGraphs(after, before, options);
    expect(backward.nodes.added).toEqual(forward.nodes.removed);
    expect(backward.nodes.removed).toEqual(forward.nodes.added);
    expect(backward.edges.added).toEqual(forward.edges.removed);
    expect(backward.nodes.changed.map((c) => c.params.map((p) => [p.name, p.after, p.before]))).toEqual(
      forward.nodes.changed.map((c) => c.params.map((p) => [p.name, p.before, p.after])),
    );
  });
});

/** A seeded Fisher–Yates shuffle (a copy). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
