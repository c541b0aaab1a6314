/**
 * Property: any valid pipeline built from the catalog — a data source, a split, up to three
 * transformers, a model of the matching task (maybe in a grid search), evaluations — validates
 * without errors, generates the same bytes however its nodes, edges and parameters are ordered,
 * and compiles and passes pyflakes (all scripts checked in one Python process).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../shared/catalog/types.ts';
import { generatePython } from '../../shared/codegen/generate-python.ts';
import { generateNotebook } from '../../shared/codegen/notebook.ts';
import type { PipelineEdge, PipelineGraph, PipelineNode } from '../../shared/graph/types.ts';
import { validateGraph } from '../../shared/validation/index.ts';
import { compileAndLint, makeTempDir, validateNotebooks } from './helpers/python.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

type Task = 'classifier' | 'regressor' | 'clusterer';

interface Spec {
  type: string;
  params: Record<string, JsonValue>;
}

const spec = (type: string, params: fc.Arbitrary<Record<string, JsonValue>> = fc.constant({})) =>
  params.map((value) => ({ type, params: value }));

const seed = fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null });

const SOURCES: Record<Task, string[]> = {
  classifier: ['load_iris', 'load_wine', 'load_breast_cancer', 'load_digits'],
  regressor: ['load_diabetes'],
  clusterer: ['load_iris', 'load_wine', 'load_diabetes'],
};

/** Transformers valid on any bundled dataset (k and n_components fit iris's 4 features). */
const transformer = (task: Task): fc.Arbitrary<Spec> =>
  fc.oneof(
    spec(
      'sklearn.impute.SimpleImputer',
      fc.record({ strategy: fc.constantFrom('mean', 'median', 'most_frequent') }),
    ),
    spec('sklearn.preprocessing.StandardScaler', fc.record({ with_mean: fc.boolean() })),
    spec(
      'sklearn.preprocessing.MinMaxScaler',
      fc.record({ feature_range: fc.constantFrom([0, 1], [-1, 1]) }),
    ),
    spec(
      'sklearn.preprocessing.RobustScaler',
      fc.record({ quantile_range: fc.constantFrom([25, 75], [10, 90]) }),
    ),
    spec('sklearn.preprocessing.PolynomialFeatures', fc.record({ degree: fc.integer({ min: 1, max: 2 }) })),
    spec(
      'sklearn.decomposition.PCA',
      fc.record({ n_components: fc.integer({ min: 1, max: 2 }), random_state: seed }),
    ),
    spec(
      'sklearn.feature_selection.SelectKBest',
      fc.record({
        k: fc.integer({ min: 1, max: 2 }),
        score_func:
          task === 'regressor'
            ? fc.constant('f_regression')
            : fc.constantFrom('f_classif', 'mutual_info_classif'),
      }),
    ),
    spec('sklearn.feature_selection.VarianceThreshold', fc.record({ threshold: fc.constantFrom(0, 0.01) })),
  );

const MODELS: Record<Task, fc.Arbitrary<Spec>> = {
  classifier: fc.oneof(
    spec(
      'sklearn.linear_model.LogisticRegression',
      fc.record({
        C: fc.double({ min: 0.01, max: 10, noNaN: true }),
        max_iter: fc.integer({ min: 50, max: 500 }),
      }),
    ),
    spec(
      'sklearn.ensemble.RandomForestClassifier',
      fc.record({
        n_estimators: fc.integer({ min: 5, max: 50 }),
        max_depth: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
      }),
    ),
    spec(
      'sklearn.ensemble.GradientBoostingClassifier',
      fc.record({ learning_rate: fc.constantFrom(0.05, 0.1, 0.3) }),
    ),
    spec('sklearn.ensemble.HistGradientBoostingClassifier'),
    spec(
      'sklearn.svm.SVC',
      fc.record({ kernel: fc.constantFrom('rbf', 'linear'), C: fc.constantFrom(0.5, 1, 2) }),
    ),
    spec(
      'sklearn.neighbors.KNeighborsClassifier',
      fc.record({
        n_neighbors: fc.integer({ min: 1, max: 15 }),
        weights: fc.constantFrom('uniform', 'distance'),
      }),
    ),
    spec('sklearn.tree.DecisionTreeClassifier', fc.record({ criterion: fc.constantFrom('gini', 'entropy') })),
    spec('sklearn.naive_bayes.GaussianNB'),
    spec(
      'sklearn.neural_network.MLPClassifier',
      fc.record({ hidden_layer_sizes: fc.constantFrom([10], [16, 8]) }),
    ),
  ),
  regressor: fc.oneof(
    spec('sklearn.linear_model.LinearRegression'),
    spec('sklearn.linear_model.Ridge', fc.record({ alpha: fc.double({ min: 0, max: 10, noNaN: true }) })),
    spec('sklearn.linear_model.Lasso', fc.record({ alpha: fc.constantFrom(0.01, 0.1, 1) })),
    spec(
      'sklearn.ensemble.RandomForestRegressor',
      fc.record({ n_estimators: fc.integer({ min: 5, max: 50 }) }),
    ),
    spec('sklearn.ensemble.GradientBoostingRegressor'),
    spec('sklearn.ensemble.HistGradientBoostingRegressor'),
    spec('sklearn.svm.SVR', fc.record({ epsilon: fc.constantFrom(0.1, 0.5) })),
    spec('sklearn.neighbors.KNeighborsRegressor'),
    spec(
      'sklearn.tree.DecisionTreeRegressor',
      fc.record({ min_samples_leaf: fc.integer({ min: 1, max: 10 }) }),
    ),
  ),
  clusterer: fc.oneof(
    spec(
      'sklearn.cluster.KMeans',
      fc.record({ n_clusters: fc.integer({ min: 2, max: 6 }), random_state: seed }),
    ),
    spec('sklearn.cluster.DBSCAN', fc.record({ eps: fc.constantFrom(0.3, 0.5, 1) })),
  ),
};

const GRIDS: Record<string, Record<string, JsonValue[]>> = {
  'sklearn.linear_model.LogisticRegression': { C: [0.1, 1, 10] },
  'sklearn.ensemble.RandomForestClassifier': { max_depth: [null, 3] },
  'sklearn.linear_model.Ridge': { alpha: [0.1, 1] },
  'sklearn.neighbors.KNeighborsRegressor': { n_neighbors: [3, 5] },
};

const EVALUATIONS: Record<Task, string[]> = {
  classifier: [
    'dominoml.evaluate.ClassificationMetrics',
    'dominoml.evaluate.ConfusionMatrix',
    'dominoml.evaluate.CrossValidation',
  ],
  regressor: ['dominoml.evaluate.RegressionMetrics', 'dominoml.evaluate.CrossValidation'],
  clusterer: ['dominoml.evaluate.Silhouette'],
};

const OUTPUTS = ['dominoml.output.SaveModel', 'dominoml.output.SavePredictions'];

const label = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('Scale\nimport os', 'it\'s "quoted"', '\\', '😀'),
);
const nodeId = fc.stringMatching(/^n_[0-9a-z]{4}$/);

const pipelineArbitrary: fc.Arbitrary<PipelineGraph> = fc
  .constantFrom<Task>('classifier', 'regressor', 'clusterer')
  .chain((task) =>
    fc.record({
      task: fc.constant(task),
      source: fc.constantFrom(...SOURCES[task]),
      dropTarget: task === 'clusterer' ? fc.boolean() : fc.constant(false),
      split: fc.record({
        test_size: fc.constantFrom(0.2, 0.25, 0.3),
        stratify: task === 'classifier' ? fc.boolean() : fc.constant(false),
        random_state: seed,
      }),
      folds: fc.option(fc.record({ n_splits: fc.integer({ min: 2, max: 5 }), shuffle: fc.boolean() }), {
        nil: undefined,
      }),
      transformers: fc.array(transformer(task), { maxLength: 3 }),
      model: MODELS[task],
      search: fc.boolean(),
      evaluations: fc.subarray(EVALUATIONS[task], { minLength: 1 }),
      outputs: fc.subarray(OUTPUTS),
      ids: fc.uniqueArray(nodeId, { minLength: 16, maxLength: 16 }),
      labels: fc.array(label, { minLength: 16, maxLength: 16 }),
    }),
  )
  .map((choice) => {
    const nodes: PipelineNode[] = [];
    const edges: PipelineEdge[] = [];
    let next = 0;
    const add = (type: string, params: Record<string, JsonValue> = {}) => {
      const id = choice.ids[next]!;
      nodes.push({ id, type, label: choice.labels[next]!, params });
      next++;
      return id;
    };
    const connect = (source: string, sourcePort: string, target: string, targetPort: string) =>
      edges.push({ id: `e${edges.length}`, source, sourcePort, target, targetPort });

    let table = add(`sklearn.datasets.${choice.source}`);
    if (choice.dropTarget) {
      const drop = add('dominoml.prepare.DropColumns', { columns: ['target'] });
      connect(table, 'table', drop, 'table');
      table = drop;
    }
    let split = add('sklearn.model_selection.train_test_split', choice.split);
    connect(table, 'table', split, 'table');
    if (choice.folds) {
      const folds = add('sklearn.model_selection.KFold', choice.folds);
      connect(split, 'split', folds, 'split');
      split = folds;
    }
    // Feature selectors need a target; a clustering table without one gets none.
    const usable = choice.transformers.filter(
      (step) => !(choice.dropTarget && step.type === 'sklearn.feature_selection.SelectKBest'),
    );
    // A selector or PCA cannot ask for more columns than an earlier one kept (the lint checks that).
    let kept = Number.POSITIVE_INFINITY;
    let previous: string | undefined;
    for (const step of usable) {
      const params = { ...step.params };
      for (const key of ['k', 'n_components']) {
        const value = params[key];
        if (typeof value !== 'number') continue;
        params[key] = Math.min(value, kept);
        kept = params[key] as number;
      }
      const id = add(step.type, params);
      if (previous) connect(previous, 'out', id, 'in');
      previous = id;
    }
    let estimator = add(choice.model.type, choice.model.params);
    if (previous) connect(previous, 'out', estimator, 'preprocess');
    const grid = GRIDS[choice.model.type];
    if (choice.search && grid) {
      const search = add('sklearn.model_selection.GridSearchCV', { param_grid: grid, cv: 3 });
      connect(estimator, 'estimator', search, 'estimator');
      estimator = search;
    }
    const train = add('dominoml.model.Fit');
    connect(estimator, 'estimator', train, 'estimator');
    connect(split, 'split', train, 'split');
    const isDbscan = choice.model.type === 'sklearn.cluster.DBSCAN';
    for (const type of [...choice.evaluations, ...choice.outputs]) {
      const params: Record<string, JsonValue> =
        isDbscan && type === 'dominoml.output.SavePredictions' ? { split: 'train' } : {};
      connect(train, 'model', add(type, params), 'model');
    }
    return { nodes, edges };
  });

/** The same graph with nodes, edges and parameter keys in another order. */
function reordered(graph: PipelineGraph, random: () => number): PipelineGraph {
  const shuffle = <T>(items: T[]) =>
    items
      .map((item) => ({ item, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
  return {
    nodes: shuffle(graph.nodes).map((node) => ({
      ...node,
      params: Object.fromEntries(shuffle(Object.entries(node.params))),
    })),
    edges: shuffle(graph.edges),
  };
}

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('property');
});
afterAll(() => temp.remove());

describe('random valid pipelines', () => {
  it('validate cleanly, generate deterministically, compile and pass pyflakes', async () => {
    const scripts: string[] = [];
    const notebooks: string[] = [];
    fc.assert(
      fc.property(pipelineArbitrary, fc.integer(), (graph, shuffleSeed) => {
        const errors = validateGraph(graph).filter((problem) => problem.severity === 'error');
        expect(errors).toEqual([]);
        const first = generatePython(graph);
        expect(first.skipped).toEqual([]);
        expect(generatePython(structuredClone(graph)).code).toBe(first.code);
        let state = shuffleSeed;
        const random = () => {
          state = (state * 1103515245 + 12345) % 2147483648;
          return Math.abs(state) / 2147483648;
        };
        const shuffled = reordered(graph, random);
        expect(generatePython(shuffled).code).toBe(first.code);
        expect(generateNotebook(shuffled)).toBe(generateNotebook(graph));
        if (scripts.length < 80) {
          const path = join(temp.dir, `random-${scripts.length}.py`);
          writeFileSync(path, first.code);
          scripts.push(path);
        }
        if (notebooks.length < 10) {
          const path = join(temp.dir, `random-${notebooks.length}.ipynb`);
          writeFileSync(path, generateNotebook(graph));
          notebooks.push(path);
        }
      }),
      { numRuns: 80, seed: 20240601 },
    );
    const [reports, notebookErrors] = await Promise.all([
      compileAndLint(scripts),
      validateNotebooks(notebooks),
    ]);
    for (const path of scripts) expect(reports[path], path).toEqual({ compileError: null, pyflakes: '' });
    for (const path of notebooks) expect(notebookErrors[path], path).toBeNull();
  });
});
