/** ML lint: each rule fires on the mistake it names and stays quiet on the fixed pipeline. */
import { describe, expect, it } from 'vitest';
import type { DatasetFactsById } from '../../shared/analysis/tables.ts';
import type { JsonValue } from '../../shared/catalog/types.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { type Problem, validateGraph } from '../../shared/validation/index.ts';
import {
  graphEdge,
  graphNode,
  type LinearPipelineSpec,
  linearPipeline,
  type StepSpec,
} from './helpers/pipelines.ts';

const IRIS = { type: 'sklearn.datasets.load_iris' };
const DIABETES = { type: 'sklearn.datasets.load_diabetes' };
const CSV = { type: 'dominoml.data.CsvDataset', params: { datasetId: 'people' } };
const LOGISTIC = { type: 'sklearn.linear_model.LogisticRegression' };
const RIDGE = { type: 'sklearn.linear_model.Ridge' };
const KMEANS = { type: 'sklearn.cluster.KMeans', params: { n_clusters: 3 } };
const SCALER = { type: 'sklearn.preprocessing.StandardScaler' };
const IMPUTER = { type: 'sklearn.impute.SimpleImputer' };
const CLASSIFICATION = { type: 'dominoml.evaluate.ClassificationMetrics' };
const REGRESSION = { type: 'dominoml.evaluate.RegressionMetrics' };
const SILHOUETTE = { type: 'dominoml.evaluate.Silhouette' };

const selectTarget = (target: string, features?: string[]): StepSpec => ({
  type: 'dominoml.prepare.SelectTarget',
  params: features ? { target, features } : { target },
});

/** A profiled CSV: numeric age and fare (age has gaps), text city, a label column. */
const PEOPLE: DatasetFactsById = {
  people: {
    columns: [
      { name: 'age', dtype: 'float64', missing: 12 },
      { name: 'fare', dtype: 'float64', missing: 0 },
      { name: 'city', dtype: 'object', missing: false },
      { name: 'label', dtype: 'int64', missing: 0 },
      { name: 'price', dtype: 'float64', missing: 0 },
      { name: 'grade', dtype: 'object', missing: 0 },
    ],
  },
};

function lint(spec: LinearPipelineSpec, datasets: DatasetFactsById = {}): Problem[] {
  return validateGraph(linearPipeline(spec), undefined, { datasets });
}

function lintGraph(graph: PipelineGraph, datasets: DatasetFactsById = {}): Problem[] {
  return validateGraph(graph, undefined, { datasets });
}

/** `code@node[:param] severity` for the problems of one kind. */
function only(problems: Problem[], code: string): string[] {
  return problems
    .filter((problem) => problem.code === code)
    .map((problem) => `${problem.nodeId}${problem.param ? `:${problem.param}` : ''} ${problem.severity}`);
}

const irisClassifier: LinearPipelineSpec = {
  source: IRIS,
  transformers: [SCALER],
  model: LOGISTIC,
  consumers: [CLASSIFICATION],
};

/** The people CSV with age and fare imputed and scaled, city one-hot encoded: a correct pipeline. */
function routedPeople(model: StepSpec = LOGISTIC, target = 'label'): PipelineGraph {
  const graph = linearPipeline({
    source: CSV,
    prepare: [selectTarget(target, ['age', 'fare', 'city'])],
    model,
    consumers: [CLASSIFICATION],
  });
  graph.nodes.push(
    graphNode('impute', IMPUTER),
    graphNode('numeric', { type: 'dominoml.compose.ColumnRoute', params: { columns: ['age', 'fare'] } }),
    graphNode('encode', { type: 'sklearn.preprocessing.OneHotEncoder' }),
    graphNode('text', { type: 'dominoml.compose.ColumnRoute', params: { columns: ['city'] } }),
    graphNode('router', { type: 'sklearn.compose.ColumnTransformer' }),
  );
  graph.edges.push(
    graphEdge('impute', 'out', 'numeric', 'steps'),
    graphEdge('encode', 'out', 'text', 'steps'),
    graphEdge('numeric', 'route', 'router', 'routes'),
    graphEdge('text', 'route', 'router', 'routes'),
    graphEdge('router', 'out', 'model', 'preprocess'),
  );
  return graph;
}

describe('leakage before the split', () => {
  function transformedFirst(step: StepSpec): PipelineGraph {
    const graph = linearPipeline({
      source: IRIS,
      prepare: [{ type: 'dominoml.prepare.TransformTable', label: 'Scale everything' }],
      model: LOGISTIC,
      consumers: [CLASSIFICATION],
    });
    graph.nodes.push(graphNode('fitted', step));
    graph.edges.push(graphEdge('fitted', 'out', 'prep1', 'transformer'));
    return graph;
  }

  it('warns when a step that learns from data is fitted on every row before the split', () => {
    const problems = lintGraph(transformedFirst(SCALER));
    expect(only(problems, 'leakage-before-split')).toEqual(['prep1 warning']);
    const [leak] = problems;
    expect(leak!.message).toContain('“Scale everything” fits “fitted” on every row');
    expect(leak!.fix).toContain('“Preprocessing” input');
  });

  it('stays quiet for steps that learn nothing from the rows, and for the same step inside the model', () => {
    expect(
      only(
        lintGraph(transformedFirst({ type: 'sklearn.preprocessing.PolynomialFeatures' })),
        'leakage-before-split',
      ),
    ).toEqual([]);
    expect(only(lint(irisClassifier), 'leakage-before-split')).toEqual([]);
  });
});

describe('target among the features', () => {
  it('is an error when the chosen features include the target', () => {
    const spec = {
      source: CSV,
      prepare: [selectTarget('label', ['age', 'label'])],
      model: LOGISTIC,
      transformers: [IMPUTER],
    };
    expect(only(lint(spec, PEOPLE), 'target-in-features')).toEqual(['prep1:features error']);
    const fixed = { ...spec, prepare: [selectTarget('label', ['age', 'fare'])] };
    expect(only(lint(fixed, PEOPLE), 'target-in-features')).toEqual([]);
  });

  it('is an error when a column route sends the target through preprocessing', () => {
    const graph = routedPeople();
    graph.nodes.find((node) => node.id === 'numeric')!.params = { columns: ['age', 'label'] };
    expect(only(lintGraph(graph, PEOPLE), 'target-in-features')).toEqual(['numeric:columns error']);
    expect(lintGraph(routedPeople(), PEOPLE)).toEqual([]);
  });

  it('warns when the old label stays a feature after choosing another target', () => {
    const spec = {
      source: IRIS,
      prepare: [selectTarget('petal width (cm)')],
      model: RIDGE,
      consumers: [REGRESSION],
    };
    expect(only(lint(spec), 'former-target-in-features')).toEqual(['prep1:features warning']);
    const dropped = {
      ...spec,
      prepare: [{ type: 'dominoml.prepare.DropColumns', params: { columns: ['target'] } }, spec.prepare[0]!],
    };
    expect(lint(dropped)).toEqual([]);
  });
});

describe('columns that do not exist', () => {
  it('is an error when the table is known', () => {
    const spec = {
      ...irisClassifier,
      prepare: [{ type: 'dominoml.prepare.DropColumns', params: { columns: ['sepal area'] } }],
    };
    expect(only(lint(spec), 'unknown-column')).toEqual(['prep1:columns error']);
  });

  it('says nothing when the CSV has no profile yet', () => {
    const spec = {
      source: CSV,
      prepare: [selectTarget('whatever')],
      model: LOGISTIC,
      consumers: [CLASSIFICATION],
    };
    expect(lint(spec)).toEqual([]);
    expect(only(lint(spec, PEOPLE), 'unknown-column')).toEqual(['prep1:target error']);
  });

  it('checks route columns against the features', () => {
    const graph = routedPeople();
    graph.nodes.find((node) => node.id === 'text')!.params = { columns: ['town'] };
    expect(only(lintGraph(graph, PEOPLE), 'unknown-column')).toEqual(['text:columns error']);
  });
});

describe('task and target', () => {
  it('is an error to train a classifier on a continuous target', () => {
    const problems = lint({ source: DIABETES, model: LOGISTIC, consumers: [CLASSIFICATION] });
    expect(only(problems, 'classifier-on-continuous-target')).toEqual(['model error']);
    expect(lint({ source: DIABETES, transformers: [SCALER], model: RIDGE, consumers: [REGRESSION] })).toEqual(
      [],
    );
  });

  it('only warns when the target merely looks continuous (a float column of a CSV)', () => {
    const spec = { source: CSV, prepare: [selectTarget('price', ['fare'])], model: LOGISTIC };
    expect(only(lint(spec, PEOPLE), 'classifier-on-continuous-target')).toEqual(['model warning']);
  });

  it('warns about a regressor on class labels, and refuses one on text labels', () => {
    expect(
      only(lint({ source: IRIS, model: RIDGE, consumers: [REGRESSION] }), 'regressor-on-categorical-target'),
    ).toEqual(['model warning']);
    const text = { source: CSV, prepare: [selectTarget('grade', ['fare'])], model: RIDGE };
    expect(only(lint(text, PEOPLE), 'regressor-on-categorical-target')).toEqual(['model error']);
  });

  it('needs a target for supervised models but not for clustering', () => {
    const dropTarget = [{ type: 'dominoml.prepare.DropColumns', params: { columns: ['target'] } }];
    expect(only(lint({ source: IRIS, prepare: dropTarget, model: LOGISTIC }), 'no-target')).toEqual([
      'train error',
    ]);
    expect(
      lint({
        source: IRIS,
        prepare: dropTarget,
        transformers: [SCALER],
        model: KMEANS,
        consumers: [SILHOUETTE],
      }),
    ).toEqual([]);
  });
});

describe('missing values', () => {
  const people = (transformers: StepSpec[], model: StepSpec = LOGISTIC) => ({
    source: CSV,
    prepare: [selectTarget('label', ['age', 'fare'])],
    transformers,
    model,
    consumers: [CLASSIFICATION],
  });

  it('is an error at the model when NaN reaches an estimator that refuses it', () => {
    const problems = lint(people([SCALER]), PEOPLE);
    expect(only(problems, 'missing-values-unhandled')).toEqual(['model error']);
    expect(problems.find((problem) => problem.code === 'missing-values-unhandled')!.fix).toContain(
      'SimpleImputer',
    );
  });

  it('is an error at the first transformer that refuses NaN', () => {
    const pca = { type: 'sklearn.decomposition.PCA', params: { n_components: 2 } };
    expect(only(lint(people([pca, IMPUTER]), PEOPLE), 'missing-values-unhandled')).toEqual(['step1 error']);
  });

  it('is satisfied by an imputer, by dropping incomplete rows, or by histogram gradient boosting', () => {
    expect(lint(people([IMPUTER, SCALER]), PEOPLE)).toEqual([]);
    const dropRows = {
      ...people([SCALER]),
      prepare: [{ type: 'dominoml.prepare.DropMissingRows' }, selectTarget('label', ['age', 'fare'])],
    };
    expect(lint(dropRows, PEOPLE)).toEqual([]);
    expect(lint(people([], { type: 'sklearn.ensemble.HistGradientBoostingClassifier' }), PEOPLE)).toEqual([]);
  });

  it('says nothing without a dataset profile, or when the gaps are in other columns', () => {
    expect(lint(people([]))).toEqual([]);
    const fareOnly = { ...people([]), prepare: [selectTarget('label', ['fare'])] };
    expect(lint(fareOnly, PEOPLE)).toEqual([]);
  });
});

describe('text columns', () => {
  it('is an error when text reaches a numeric-only step', () => {
    const spec = { source: CSV, prepare: [selectTarget('label', ['fare', 'city'])], model: LOGISTIC };
    expect(only(lint(spec, PEOPLE), 'text-features-unencoded')).toEqual(['model error']);
  });

  it('is satisfied when a route encodes them', () => {
    expect(lintGraph(routedPeople(), PEOPLE)).toEqual([]);
  });

  it('knows which imputer strategies accept text', () => {
    const spec = (strategy: string) => ({
      source: CSV,
      prepare: [selectTarget('label', ['city'])],
      transformers: [
        { type: 'sklearn.impute.SimpleImputer', params: { strategy } },
        { type: 'sklearn.preprocessing.OneHotEncoder' },
      ],
      model: LOGISTIC,
    });
    expect(only(lint(spec('mean'), PEOPLE), 'text-features-unencoded')).toEqual(['step1 error']);
    expect(lint(spec('most_frequent'), PEOPLE)).toEqual([]);
  });
});

describe('stratification', () => {
  it('cannot stratify by a continuous target', () => {
    const problems = lint({
      source: DIABETES,
      split: { stratify: true },
      model: RIDGE,
      consumers: [REGRESSION],
    });
    expect(only(problems, 'stratify-continuous-target')).toEqual(['split:stratify error']);
    const folds = lint({
      source: DIABETES,
      folds: { stratified: true },
      model: RIDGE,
      consumers: [REGRESSION],
    });
    expect(only(folds, 'stratify-continuous-target')).toEqual(['folds:stratified error']);
  });

  it('warns that there is nothing to stratify by without a target', () => {
    const dropTarget = [{ type: 'dominoml.prepare.DropColumns', params: { columns: ['target'] } }];
    const problems = lint({ source: IRIS, prepare: dropTarget, split: { stratify: true }, model: KMEANS });
    expect(only(problems, 'stratify-without-target')).toEqual(['split:stratify warning']);
    expect(only(lint({ ...irisClassifier, split: { stratify: true } }), 'stratify-without-target')).toEqual(
      [],
    );
  });
});

describe('column routers', () => {
  it('only take column routes as routes', () => {
    const graph = routedPeople();
    graph.nodes.push(graphNode('stray', SCALER));
    graph.edges.push(graphEdge('stray', 'out', 'router', 'routes'));
    const problems = lintGraph(graph, PEOPLE);
    expect(
      problems.filter((problem) => problem.code === 'route-expected').map((problem) => problem.edgeId),
    ).toEqual(['stray.out->router.routes']);
  });
});

describe('grid search', () => {
  const search = (grid: Record<string, unknown>) =>
    lint({ ...irisClassifier, search: { param_grid: grid as Record<string, never> } });

  it('accepts model parameters, full Pipeline paths and valid values', () => {
    expect(search({ C: [0.1, 1], penalty: ['l2', null], standardscaler__with_mean: [true, false] })).toEqual(
      [],
    );
  });

  it('reports parameters the model does not have', () => {
    expect(only(search({ n_estimators: [10] }), 'grid-unknown-param')).toEqual(['search:param_grid error']);
  });

  it('reports values that are not a list or that the parameter refuses', () => {
    expect(only(search({ C: 1 }), 'grid-invalid-values')).toEqual(['search:param_grid error']);
    expect(only(search({ C: [] }), 'grid-invalid-values')).toEqual(['search:param_grid error']);
    expect(only(search({ C: [1, -1] }), 'grid-invalid-values')).toEqual(['search:param_grid error']);
    expect(only(search({ solver: ['adam'] }), 'grid-invalid-values')).toEqual(['search:param_grid error']);
  });

  it('checks its scoring against the task', () => {
    const problems = lint({ ...irisClassifier, search: { param_grid: { C: [1, 2] }, scoring: 'r2' } });
    expect(only(problems, 'scoring-task-mismatch')).toEqual(['search:scoring error']);
  });
});

describe('evaluations', () => {
  it('match the model’s task', () => {
    expect(
      only(lint({ ...irisClassifier, consumers: [REGRESSION, SILHOUETTE] }), 'metric-task-mismatch'),
    ).toEqual(['use1 error', 'use2 error']);
    expect(
      only(lint({ source: IRIS, model: KMEANS, consumers: [CLASSIFICATION] }), 'metric-task-mismatch'),
    ).toEqual(['use1 error']);
    const confusion = { type: 'dominoml.evaluate.ConfusionMatrix' };
    expect(lint({ ...irisClassifier, consumers: [CLASSIFICATION, confusion] })).toEqual([]);
  });

  it('use scorers of the model’s task', () => {
    const cv = (scoring: string) => ({ type: 'dominoml.evaluate.CrossValidation', params: { scoring } });
    expect(
      only(lint({ ...irisClassifier, consumers: [cv('neg_mean_absolute_error')] }), 'scoring-task-mismatch'),
    ).toEqual(['use1:scoring error']);
    expect(lint({ ...irisClassifier, consumers: [cv('balanced_accuracy')] })).toEqual([]);
  });

  it('warn that DBSCAN cannot predict new rows', () => {
    const dbscan = { type: 'sklearn.cluster.DBSCAN' };
    const save = (split: string) => ({ type: 'dominoml.output.SavePredictions', params: { split } });
    expect(
      only(lint({ source: IRIS, model: dbscan, consumers: [save('test')] }), 'cannot-predict-new-rows'),
    ).toEqual(['use1:split warning']);
    expect(lint({ source: IRIS, model: dbscan, consumers: [save('train'), SILHOUETTE] })).toEqual([]);
  });
});

describe('feature counts and selectors', () => {
  it('refuses asking for more features than reach the step', () => {
    const kBest = (k: number) => ({ type: 'sklearn.feature_selection.SelectKBest', params: { k } });
    expect(only(lint({ ...irisClassifier, transformers: [SCALER, kBest(10)] }), 'too-few-features')).toEqual([
      'step2:k error',
    ]);
    expect(lint({ ...irisClassifier, transformers: [SCALER, kBest(4)] })).toEqual([]);
    const pca = { type: 'sklearn.decomposition.PCA', params: { n_components: 5 } };
    expect(only(lint({ ...irisClassifier, transformers: [pca] }), 'too-few-features')).toEqual([
      'step1:n_components error',
    ]);
    const afterSelection = [kBest(2), { type: 'sklearn.decomposition.PCA', params: { n_components: 3 } }];
    expect(only(lint({ ...irisClassifier, transformers: afterSelection }), 'too-few-features')).toEqual([
      'step2:n_components error',
    ]);
    // After polynomial expansion the count is unknown: no claim either way.
    const widened = [{ type: 'sklearn.preprocessing.PolynomialFeatures' }, pca];
    expect(lint({ ...irisClassifier, transformers: widened })).toEqual([]);
  });

  it('warns when the selector’s statistic does not fit the target', () => {
    const kBest = (scoreFunc: string) => ({
      type: 'sklearn.feature_selection.SelectKBest',
      params: { k: 3, score_func: scoreFunc },
    });
    const spec = { source: DIABETES, model: RIDGE, consumers: [REGRESSION] };
    expect(only(lint({ ...spec, transformers: [kBest('f_classif')] }), 'score-func-task-mismatch')).toEqual([
      'step1:score_func warning',
    ]);
    expect(lint({ ...spec, transformers: [kBest('f_regression')] })).toEqual([]);
  });
});

describe('unused outputs', () => {
  it('warns about a transformer or an estimator that nothing uses', () => {
    const graph = linearPipeline(irisClassifier);
    graph.nodes.push(graphNode('loose', SCALER), graphNode('spare', RIDGE));
    expect(only(lintGraph(graph), 'unused-output')).toEqual(['loose warning', 'spare warning']);
  });
});

describe('parameter combinations', () => {
  const logistic = (params: Record<string, JsonValue>) =>
    lint({ ...irisClassifier, model: { type: LOGISTIC.type, params } });

  it('match LogisticRegression’s penalty with a solver that supports it', () => {
    expect(only(logistic({ penalty: 'l1' }), 'param-conflict')).toEqual(['model:solver error']);
    expect(logistic({ penalty: 'l1', solver: 'liblinear' })).toEqual([]);
    expect(only(logistic({ penalty: null, solver: 'liblinear' }), 'param-conflict')).toEqual([
      'model:solver error',
    ]);
    expect(only(logistic({ penalty: 'elasticnet', solver: 'saga' }), 'param-conflict')).toEqual([
      'model:l1_ratio error',
    ]);
    expect(logistic({ penalty: 'elasticnet', solver: 'saga', l1_ratio: 0.5 })).toEqual([]);
  });

  it('tie OrdinalEncoder’s unknown value to its unknown-category handling', () => {
    const ordinal = (params: Record<string, JsonValue>) =>
      lint({ ...irisClassifier, transformers: [{ type: 'sklearn.preprocessing.OrdinalEncoder', params }] });
    expect(only(ordinal({ handle_unknown: 'use_encoded_value' }), 'param-conflict')).toEqual([
      'step1:unknown_value error',
    ]);
    expect(only(ordinal({ unknown_value: -1 }), 'param-conflict')).toEqual(['step1:unknown_value error']);
    expect(ordinal({ handle_unknown: 'use_encoded_value', unknown_value: -1 })).toEqual([]);
  });

  it('warn about an imputer fill value the strategy ignores', () => {
    const imputer = (params: Record<string, JsonValue>) =>
      lint({ ...irisClassifier, transformers: [{ type: 'sklearn.impute.SimpleImputer', params }] });
    expect(only(imputer({ fill_value: 0 }), 'param-conflict')).toEqual(['step1:fill_value warning']);
    expect(imputer({ strategy: 'constant', fill_value: 0 })).toEqual([]);
  });
});

describe('models without a score', () => {
  it('cannot be cross-validated or grid-searched (DBSCAN)', () => {
    const dbscan = { type: 'sklearn.cluster.DBSCAN' };
    const cv = { type: 'dominoml.evaluate.CrossValidation' };
    expect(only(lint({ source: IRIS, model: dbscan, consumers: [cv] }), 'scoring-task-mismatch')).toEqual([
      'use1 error',
    ]);
    const searched = lint({ source: IRIS, model: dbscan, search: { param_grid: { eps: [0.3, 0.5] } } });
    expect(only(searched, 'scoring-task-mismatch')).toEqual(['search error']);
    expect(lint({ source: IRIS, model: KMEANS, consumers: [cv, SILHOUETTE] })).toEqual([]);
  });
});
