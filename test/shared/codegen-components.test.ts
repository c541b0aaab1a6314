/**
 * What each component writes. Every catalog component appears in at least one graph here; every
 * script generated here must also compile and pass pyflakes (checked in one batch at the end).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_COMPONENTS } from '../../shared/catalog/catalog.ts';
import type { ComponentDef, JsonValue } from '../../shared/catalog/types.ts';
import { generatePython } from '../../shared/codegen/generate-python.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { graphEdge, graphNode, type LinearPipelineSpec, linearPipeline } from './helpers/pipelines.ts';
import { compileAndLint, makeTempDir } from './helpers/python.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const generated: { name: string; code: string }[] = [];
const usedTypes = new Set<string>();
let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('components');
});
afterAll(() => temp.remove());

function code(graph: PipelineGraph, name = `graph-${generated.length + 1}`): string {
  for (const node of graph.nodes) usedTypes.add(node.type);
  const script = generatePython(graph).code;
  generated.push({ name, code: script });
  return script;
}

const IRIS = { type: 'sklearn.datasets.load_iris' };
const CSV = { type: 'dominoml.data.CsvDataset', params: { datasetId: 'abc-1', filename: 'people.csv' } };
const LOGISTIC = { type: 'sklearn.linear_model.LogisticRegression' };
const CLASSIFICATION = { type: 'dominoml.evaluate.ClassificationMetrics' };

function classify(extra: Partial<LinearPipelineSpec> = {}): string {
  return code(linearPipeline({ source: IRIS, model: LOGISTIC, consumers: [CLASSIFICATION], ...extra }));
}

function constructors(kind: 'transformer' | 'estimator'): ComponentDef[] {
  return ALL_COMPONENTS.filter(
    (component) => component.python?.kind === 'constructor' && component.outputs[0]?.type === kind,
  );
}

/** The constructor call each component writes with its catalog defaults. */
const DEFAULT_CALLS: Record<string, string> = {
  SimpleImputer: 'SimpleImputer()',
  StandardScaler: 'StandardScaler()',
  MinMaxScaler: 'MinMaxScaler()',
  RobustScaler: 'RobustScaler()',
  OneHotEncoder: "OneHotEncoder(handle_unknown='ignore')",
  OrdinalEncoder: 'OrdinalEncoder()',
  PolynomialFeatures: 'PolynomialFeatures()',
  PCA: 'PCA(random_state=0)',
  SelectKBest: 'SelectKBest(k=3)',
  VarianceThreshold: 'VarianceThreshold()',
  LogisticRegression: 'LogisticRegression(random_state=0)',
  RandomForestClassifier: 'RandomForestClassifier(random_state=0)',
  GradientBoostingClassifier: 'GradientBoostingClassifier(random_state=0)',
  HistGradientBoostingClassifier: 'HistGradientBoostingClassifier(random_state=0)',
  SVC: 'SVC(random_state=0)',
  KNeighborsClassifier: 'KNeighborsClassifier()',
  DecisionTreeClassifier: 'DecisionTreeClassifier(random_state=0)',
  GaussianNB: 'GaussianNB()',
  MLPClassifier: 'MLPClassifier(random_state=0)',
  LinearRegression: 'LinearRegression()',
  Ridge: 'Ridge(random_state=0)',
  Lasso: 'Lasso(random_state=0)',
  RandomForestRegressor: 'RandomForestRegressor(random_state=0)',
  GradientBoostingRegressor: 'GradientBoostingRegressor(random_state=0)',
  HistGradientBoostingRegressor: 'HistGradientBoostingRegressor(random_state=0)',
  SVR: 'SVR()',
  KNeighborsRegressor: 'KNeighborsRegressor()',
  DecisionTreeRegressor: 'DecisionTreeRegressor(random_state=0)',
  KMeans: 'KMeans(n_init=10, random_state=0)',
  DBSCAN: 'DBSCAN()',
};

function classNameOf(component: ComponentDef): string {
  return component.python?.kind === 'constructor' ? component.python.className : '';
}

function moduleOf(component: ComponentDef): string {
  return component.python?.kind === 'constructor' ? component.python.module : '';
}

describe('transformers', () => {
  it.each(constructors('transformer').map((component) => [classNameOf(component), component] as const))(
    '%s becomes a named Pipeline step before the model, imported once',
    (className, component) => {
      // SelectKBest keeps 10 features by default; iris has 4.
      const params: Record<string, JsonValue> = className === 'SelectKBest' ? { k: 3 } : {};
      const script = classify({ transformers: [{ type: component.id, params }] });
      expect(script).toContain(`        ('${className.toLowerCase()}', ${DEFAULT_CALLS[className]}),\n`);
      expect(script).toContain("        ('model', LogisticRegression(random_state=0)),\n");
      const importLines = script
        .split('\n')
        .filter((line) => /^(from|import) /.test(line) && new RegExp(`\\b${className}\\b`).test(line));
      expect(importLines).toHaveLength(1);
      expect(importLines[0]).toMatch(new RegExp(`^from ${moduleOf(component)} import `));
    },
  );

  it('writes non-default parameters with Python types: floats, tuples, functions, strings', () => {
    const script = classify({
      transformers: [
        { type: 'sklearn.impute.SimpleImputer', params: { strategy: 'constant', fill_value: 'n/a' } },
        { type: 'sklearn.preprocessing.MinMaxScaler', params: { feature_range: [-1, 1] } },
        { type: 'sklearn.preprocessing.RobustScaler', params: { quantile_range: [10, 90] } },
        {
          type: 'sklearn.feature_selection.SelectKBest',
          params: { k: 2, score_func: 'mutual_info_classif' },
        },
        { type: 'sklearn.feature_selection.VarianceThreshold', params: { threshold: 0 } },
      ],
      model: {
        type: 'sklearn.neural_network.MLPClassifier',
        params: { hidden_layer_sizes: [64, 32], alpha: 1 },
      },
    });
    expect(script).toContain("SimpleImputer(strategy='constant', fill_value='n/a')");
    expect(script).toContain('MinMaxScaler(feature_range=(-1.0, 1.0))');
    expect(script).toContain('RobustScaler(quantile_range=(10.0, 90.0))');
    expect(script).toContain('SelectKBest(score_func=mutual_info_classif, k=2)');
    expect(script).toContain(
      'from sklearn.feature_selection import SelectKBest, VarianceThreshold, mutual_info_classif',
    );
    expect(script).toContain('VarianceThreshold()');
    expect(script).toContain('MLPClassifier(hidden_layer_sizes=(64, 32), alpha=1.0, random_state=0)');
  });

  it('numbers repeated step names like make_pipeline does', () => {
    const script = classify({
      transformers: [
        { type: 'sklearn.preprocessing.StandardScaler' },
        { type: 'sklearn.preprocessing.StandardScaler' },
      ],
    });
    expect(script).toContain("('standardscaler', StandardScaler())");
    expect(script).toContain("('standardscaler_2', StandardScaler())");
  });
});

describe('estimators', () => {
  const taskOf = (component: ComponentDef) => component.ml?.task;
  it.each(constructors('estimator').map((component) => [classNameOf(component), component] as const))(
    '%s is the last Pipeline step, trained on the training rows only',
    (className, component) => {
      const task = taskOf(component);
      const source = task === 'regressor' ? { type: 'sklearn.datasets.load_diabetes' } : IRIS;
      const evaluation =
        task === 'classifier'
          ? CLASSIFICATION
          : task === 'regressor'
            ? { type: 'dominoml.evaluate.RegressionMetrics' }
            : { type: 'dominoml.evaluate.Silhouette' };
      const script = code(linearPipeline({ source, model: { type: component.id }, consumers: [evaluation] }));
      expect(script).toContain(`pipeline = Pipeline(steps=[('model', ${DEFAULT_CALLS[className]})])`);
      expect(script).toContain(
        task === 'clusterer'
          ? 'model = pipeline.fit(X_train, y_train)'
          : 'model = pipeline.fit(X_train, y_train)',
      );
      expect(script).not.toMatch(/\.fit\(X_test|\.fit\(X,/);
    },
  );

  it('writes parameters that differ from scikit-learn’s defaults only', () => {
    const script = classify({
      model: { type: LOGISTIC.type, params: { C: 0.5, penalty: null, max_iter: 100 } },
    });
    expect(script).toContain('LogisticRegression(C=0.5, penalty=None, random_state=0)');
    const unseeded = classify({ model: { type: LOGISTIC.type, params: { random_state: null } } });
    expect(unseeded).toContain("('model', LogisticRegression())");
  });

  it('copies an estimator trained by two nodes so each keeps its own fit', () => {
    const graph = linearPipeline({ source: IRIS, model: LOGISTIC, consumers: [CLASSIFICATION] });
    graph.nodes.push(graphNode('train2', { type: 'dominoml.model.Fit' }));
    graph.edges.push(
      graphEdge('model', 'estimator', 'train2', 'estimator'),
      graphEdge('split', 'split', 'train2', 'split'),
    );
    const script = code(graph);
    expect(script).toContain('model = clone(pipeline).fit(X_train, y_train)');
    expect(script).toContain('model_2 = clone(pipeline).fit(X_train, y_train)');
    expect(script).toContain('from sklearn.base import clone');

    const searched = linearPipeline({ source: IRIS, model: LOGISTIC, search: { param_grid: { C: [1, 2] } } });
    searched.nodes.push(graphNode('train2', { type: 'dominoml.model.Fit' }));
    searched.edges.push(
      graphEdge('search', 'estimator', 'train2', 'estimator'),
      graphEdge('split', 'split', 'train2', 'split'),
    );
    const twice = code(searched);
    expect(twice).toContain('fitted_search = clone(search).fit(X_train, y_train)\n');
    expect(twice).toContain('fitted_search_2 = clone(search).fit(X_train, y_train)\n');
    expect(twice).toContain('model_2 = fitted_search_2.best_estimator_');
  });
});

describe('data stages', () => {
  it.each([
    ['sklearn.datasets.load_iris', 'iris = load_iris(as_frame=True).frame'],
    ['sklearn.datasets.load_wine', 'wine = load_wine(as_frame=True).frame'],
    ['sklearn.datasets.load_breast_cancer', 'breast_cancer = load_breast_cancer(as_frame=True).frame'],
    ['sklearn.datasets.load_digits', 'digits = load_digits(as_frame=True).frame'],
  ])('%s loads a DataFrame with its target column', (type, line) => {
    const script = classify({ source: { type } });
    expect(script).toContain(line);
    expect(script).toMatch(/X = \w+\.drop\(columns=\['target'\]\)\ny = \w+\['target'\]/);
  });

  it('diabetes loads too (a regression dataset)', () => {
    const script = code(
      linearPipeline({
        source: { type: 'sklearn.datasets.load_diabetes' },
        model: { type: 'sklearn.linear_model.Ridge' },
        consumers: [{ type: 'dominoml.evaluate.RegressionMetrics' }],
      }),
    );
    expect(script).toContain('diabetes = load_diabetes(as_frame=True).frame');
  });

  it('reads a CSV dataset from its environment variable, --data or the file name', () => {
    const script = code(
      linearPipeline({
        source: CSV,
        prepare: [
          { type: 'dominoml.prepare.SelectTarget', params: { target: 'label', features: ['a', 'b'] } },
        ],
        model: LOGISTIC,
        consumers: [CLASSIFICATION],
      }),
    );
    expect(script).toContain("data = read_dataset('DOMINOML_DATASET_ABC_1', 'people.csv', sep=',')");
    expect(script).toContain('def read_dataset(env_var, filename, sep):');
    expect(script).toContain("parser.add_argument('--data'");
    expect(script).toContain("table = data[['a', 'b', 'label']]");
    expect(script).toContain("X = table[['a', 'b']]\ny = table['label']");
  });

  it('checks the target exists when every other column is a feature', () => {
    const script = code(
      linearPipeline({
        source: CSV,
        prepare: [{ type: 'dominoml.prepare.SelectTarget', params: { target: 'label' } }],
        model: LOGISTIC,
        consumers: [CLASSIFICATION],
      }),
    );
    expect(script).toContain("if 'label' not in data.columns:\n    raise KeyError('label')");
    expect(script).toContain("X = data.drop(columns=['label'])");
  });

  it('drops columns and incomplete rows', () => {
    const script = classify({
      prepare: [
        { type: 'dominoml.prepare.DropColumns', params: { columns: ['sepal width (cm)'] } },
        { type: 'dominoml.prepare.DropMissingRows', params: { columns: ['target'] } },
        { type: 'dominoml.prepare.DropMissingRows' },
      ],
    });
    expect(script).toContain("table = iris.drop(columns=['sepal width (cm)'])");
    expect(script).toContain("table_2 = table.dropna(subset=['target'])");
    expect(script).toContain('table_3 = table_2.dropna()');
  });

  it('splits with the chosen fraction, seed and stratification', () => {
    const stratified = classify({ split: { test_size: 0.3, stratify: true, random_state: 7 } });
    expect(stratified).toContain('train_test_split(X, y, test_size=0.3, random_state=7, stratify=y)');
    const ordered = classify({ split: { shuffle: false, stratify: true } });
    expect(ordered).toContain('train_test_split(X, y, test_size=0.25, shuffle=False)');
  });

  it('plans k-fold cross-validation and uses it for cross-validated scores', () => {
    const plain = classify({
      folds: { n_splits: 3 },
      consumers: [{ type: 'dominoml.evaluate.CrossValidation' }],
    });
    expect(plain).toContain('cv = KFold(n_splits=3)');
    expect(plain).toContain('cv_scores = cross_val_score(pipeline, X_train, y_train, cv=cv)');
    const stratified = classify({ folds: { stratified: true, shuffle: true } });
    expect(stratified).toContain('cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)');
  });

  it('fits a Transform table chain on the whole table (what the leakage lint warns about)', () => {
    const graph = linearPipeline({
      source: IRIS,
      prepare: [{ type: 'dominoml.prepare.TransformTable' }],
      model: LOGISTIC,
    });
    graph.nodes.push(graphNode('scale', { type: 'sklearn.preprocessing.StandardScaler' }));
    graph.edges.push(graphEdge('scale', 'out', 'prep1', 'transformer'));
    const script = code(graph);
    // The step has a line of its own: it maps to the scaler node, the statement to Transform table.
    expect(script).toContain(
      "table_transformer = Pipeline(\n    steps=[\n        ('standardscaler', StandardScaler()),\n    ],\n)",
    );
    expect(script).toContain("features = iris.drop(columns=['target'])");
    expect(script).toContain(
      "table = to_frame(table_transformer.fit_transform(features, iris['target']), table_transformer, features.index)",
    );
    expect(script).toContain("table['target'] = iris['target']");
    expect(script).toContain('def to_frame(values, transformer, index):');
  });
});

describe('column routes', () => {
  it('compose routes into one ColumnTransformer as the first Pipeline step', () => {
    const graph = linearPipeline({
      source: CSV,
      prepare: [{ type: 'dominoml.prepare.SelectTarget', params: { target: 'label' } }],
      model: { type: 'sklearn.ensemble.RandomForestClassifier' },
      consumers: [CLASSIFICATION],
    });
    graph.nodes.push(
      graphNode('impute', { type: 'sklearn.impute.SimpleImputer', params: { strategy: 'median' } }),
      graphNode('scale', { type: 'sklearn.preprocessing.StandardScaler' }),
      graphNode('numeric', {
        type: 'dominoml.compose.ColumnRoute',
        params: { columns: ['age', 'fare'], name: 'numeric' },
      }),
      graphNode('encode', { type: 'sklearn.preprocessing.OneHotEncoder' }),
      graphNode('categorical', { type: 'dominoml.compose.ColumnRoute', params: { columns: ['city'] } }),
      graphNode('raw', { type: 'dominoml.compose.ColumnRoute', params: { columns: ['id'] } }),
      graphNode('router', {
        type: 'sklearn.compose.ColumnTransformer',
        params: { remainder: 'passthrough' },
      }),
    );
    graph.edges.push(
      graphEdge('impute', 'out', 'scale', 'in'),
      graphEdge('scale', 'out', 'numeric', 'steps'),
      graphEdge('encode', 'out', 'categorical', 'steps'),
      graphEdge('numeric', 'route', 'router', 'routes'),
      graphEdge('categorical', 'route', 'router', 'routes'),
      graphEdge('raw', 'route', 'router', 'routes'),
      graphEdge('router', 'out', 'model', 'preprocess'),
    );
    const script = code(graph);
    expect(script).toContain(
      [
        'pipeline = Pipeline(',
        '    steps=[',
        '        (',
        "            'columntransformer',",
        '            ColumnTransformer(',
        '                transformers=[',
        '                    (',
        "                        'route_1',",
        "                        OneHotEncoder(handle_unknown='ignore'),",
        "                        ['city'],",
        '                    ),',
        '                    (',
        "                        'numeric',",
        '                        Pipeline(',
        '                            steps=[',
        "                                ('simpleimputer', SimpleImputer(strategy='median')),",
        "                                ('standardscaler', StandardScaler()),",
        '                            ],',
        '                        ),',
        "                        ['age', 'fare'],",
        '                    ),',
        "                    ('route_3', 'passthrough', ['id']),",
        '                ],',
        "                remainder='passthrough',",
        '            ),',
        '        ),',
        "        ('model', RandomForestClassifier(random_state=0)),",
        '    ],',
        ')',
      ].join('\n'),
    );
  });

  it('uses a lone route as a ColumnTransformer that keeps only its columns', () => {
    const graph = linearPipeline({ source: IRIS, model: LOGISTIC, consumers: [CLASSIFICATION] });
    graph.nodes.push(
      graphNode('petals', {
        type: 'dominoml.compose.ColumnRoute',
        params: { columns: ['petal length (cm)'] },
      }),
    );
    graph.edges.push(graphEdge('petals', 'route', 'model', 'preprocess'));
    expect(code(graph)).toContain(
      "ColumnTransformer(transformers=[('route_1', 'passthrough', ['petal length (cm)'])])",
    );
  });
});

describe('tuning and training', () => {
  it('wraps the whole Pipeline in GridSearchCV and keeps the best refitted pipeline', () => {
    const script = classify({
      model: { type: 'sklearn.svm.SVC' },
      search: {
        param_grid: { kernel: ['rbf', 'linear'], C: [1, 10], standardscaler__with_mean: [true] },
        cv: 3,
        scoring: 'accuracy',
      },
      transformers: [{ type: 'sklearn.preprocessing.StandardScaler' }],
    });
    expect(script).toContain(
      "param_grid={'model__C': [1.0, 10.0], 'model__kernel': ['rbf', 'linear'], 'standardscaler__with_mean': [True]}",
    );
    expect(script).toContain('search = GridSearchCV(\n    pipeline,');
    expect(script).toContain('search.fit(X_train, y_train)\n');
    expect(script).toContain("report_metric('train', 'best_cv_score', search.best_score_, 'cv')");
    expect(script).toContain('model = search.best_estimator_');
  });
});

describe('evaluation and output', () => {
  it('reports accuracy and averaged precision, recall and F1', () => {
    const script = classify({
      consumers: [
        { type: 'dominoml.evaluate.ClassificationMetrics', params: { average: 'weighted', split: 'train' } },
      ],
    });
    expect(script).toContain('y_pred = model.predict(X_train)');
    expect(script).toContain("report_metric('use1', 'accuracy', accuracy_score(y_train, y_pred), 'train')");
    expect(script).toContain(
      "report_metric('use1', 'f1_weighted', f1_score(y_train, y_pred, average='weighted', zero_division=0), 'train')",
    );
  });

  it('reports RMSE, MAE and R² for regressors', () => {
    const script = code(
      linearPipeline({
        source: { type: 'sklearn.datasets.load_diabetes' },
        model: { type: 'sklearn.linear_model.Lasso', params: { alpha: 0.1 } },
        consumers: [{ type: 'dominoml.evaluate.RegressionMetrics' }],
      }),
    );
    expect(script).toContain(
      "report_metric('use1', 'rmse', mean_squared_error(y_test, y_pred, squared=False), 'test')",
    );
    expect(script).toContain("report_metric('use1', 'mae', mean_absolute_error(y_test, y_pred), 'test')");
    expect(script).toContain("report_metric('use1', 'r2', r2_score(y_test, y_pred), 'test')");
  });

  it('saves a confusion matrix as a CSV artifact', () => {
    const script = classify({
      consumers: [{ type: 'dominoml.evaluate.ConfusionMatrix', params: { normalize: 'true' } }],
    });
    expect(script).toContain("confusion_matrix(y_test, y_pred, labels=labels, normalize='true')");
    expect(script).toContain("confusion_path = OUTPUT_DIR / 'confusion_matrix.csv'");
    expect(script).toContain("report_artifact('use1', confusion_path, 'confusion_matrix')");
  });

  it('scores clusters in the space the clusterer saw, on rows it can label', () => {
    const kmeans = code(
      linearPipeline({
        source: IRIS,
        transformers: [{ type: 'sklearn.preprocessing.StandardScaler' }],
        model: { type: 'sklearn.cluster.KMeans', params: { n_clusters: 3 } },
        consumers: [{ type: 'dominoml.evaluate.Silhouette' }],
      }),
    );
    expect(kmeans).toContain('cluster_labels = model.predict(X_test)');
    expect(kmeans).toContain('cluster_space = model[:-1].transform(X_test)');
    const dbscan = code(
      linearPipeline({
        source: IRIS,
        model: { type: 'sklearn.cluster.DBSCAN' },
        consumers: [{ type: 'dominoml.evaluate.Silhouette', params: { metric: 'manhattan' } }],
      }),
    );
    expect(dbscan).toContain('cluster_labels = model[-1].labels_');
    expect(dbscan).toContain('cluster_space = X_train');
    expect(dbscan).toContain("metric='manhattan'");
  });

  it('saves the fitted pipeline with joblib and predictions as CSV, with distinct file names', () => {
    const script = classify({
      consumers: [
        { type: 'dominoml.output.SaveModel', params: { filename: 'iris.joblib' } },
        { type: 'dominoml.output.SaveModel', params: { filename: 'iris.joblib' } },
        { type: 'dominoml.output.SavePredictions', params: { split: 'train' } },
      ],
    });
    expect(script).toContain("model_path = OUTPUT_DIR / 'iris.joblib'\njoblib.dump(model, model_path)");
    expect(script).toContain("model_path_2 = OUTPUT_DIR / 'iris_2.joblib'");
    expect(script).toContain(
      "predictions = pd.DataFrame({'true': y_train, 'prediction': model.predict(X_train)}, index=X_train.index)",
    );
    expect(script).toContain("report_artifact('use3', predictions_path, 'predictions')");
  });
});

describe('script layout', () => {
  it('puts imports once at the top, sorted, standard library first', () => {
    const script = classify({ transformers: [{ type: 'sklearn.preprocessing.StandardScaler' }] });
    const lines = script.split('\n');
    const importLines = lines.filter((line) => /^(import|from) /.test(line));
    const firstCode = lines.findIndex((line) => line.startsWith('np.random.seed'));
    expect(lines.findIndex((line) => /^(import|from) /.test(line))).toBeLessThan(firstCode);
    expect(lines.slice(firstCode).some((line) => /^(import|from) /.test(line))).toBe(false);
    expect(new Set(importLines).size).toBe(importLines.length);
    const [standard, thirdParty] = lines
      .slice(lines.indexOf(importLines[0]!), lines.indexOf(importLines.at(-1)!) + 1)
      .join('\n')
      .split('\n\n');
    expect(standard).toBe('import json\nimport math\nimport os\nfrom pathlib import Path');
    const third = thirdParty!.split('\n');
    const plain = third.filter((line) => line.startsWith('import '));
    const from = third.filter((line) => line.startsWith('from '));
    expect(third).toEqual([...plain, ...from]);
    expect(from).toEqual([...from].sort());
  });

  it('maps every stage and every inner step line back to its node', () => {
    const graph = linearPipeline({
      source: IRIS,
      transformers: [{ type: 'sklearn.preprocessing.StandardScaler' }, { type: 'sklearn.decomposition.PCA' }],
      model: LOGISTIC,
      consumers: [CLASSIFICATION],
    });
    const { code: script, sourceMap } = generatePython(graph);
    const lines = script.split('\n');
    const linesOf = (nodeId: string) =>
      sourceMap
        .filter((entry) => entry.nodeId === nodeId)
        .flatMap((entry) => lines.slice(entry.startLine - 1, entry.endLine));
    expect(linesOf('step1')).toEqual(["        ('standardscaler', StandardScaler()),"]);
    expect(linesOf('step2')).toEqual(["        ('pca', PCA(random_state=0)),"]);
    expect(linesOf('model')[0]).toBe('# [3/5] model (Logistic regression)');
    expect(linesOf('split')).toContain("X = iris.drop(columns=['target'])");
    // Each stage reports as it starts: the node running now and the steps done before it.
    expect(linesOf('use1')[1]).toBe("report_progress('use1', 'use1', 4, 5)");
    expect(lines).toContain('report_progress(None, None, 5, 5)');
    for (const entry of sourceMap) {
      expect(entry.startLine).toBeGreaterThan(0);
      expect(entry.endLine).toBeGreaterThanOrEqual(entry.startLine);
      expect(entry.endLine).toBeLessThanOrEqual(lines.length);
    }
  });

  it('lists nodes that produced no code instead of failing', () => {
    const graph = linearPipeline({ source: IRIS, model: LOGISTIC, consumers: [CLASSIFICATION] });
    graph.nodes.push(graphNode('ghost', { type: 'vendor.Unknown', label: 'Ghost\nnode' }));
    graph.edges = graph.edges.filter((edge) => edge.target !== 'train' || edge.targetPort !== 'split');
    const result = generatePython(graph);
    expect(result.skipped.map((node) => node.nodeId).sort()).toEqual(['ghost', 'train', 'use1']);
    expect(result.code).toContain('#   Ghost node: unknown component');
    generated.push({ name: 'skipped', code: result.code });
  });
});

describe('every generated script', () => {
  it('covers every catalog component', () => {
    const missing = ALL_COMPONENTS.map((component) => component.id).filter((id) => !usedTypes.has(id));
    expect(missing).toEqual([]);
  });

  it('compiles and is pyflakes-clean', async () => {
    const paths = generated.map(({ name, code: script }, position) => {
      const path = join(temp.dir, `${position}-${name}.py`);
      writeFileSync(path, script);
      return path;
    });
    const reports = await compileAndLint(paths);
    for (const path of paths) expect(reports[path], path).toEqual({ compileError: null, pyflakes: '' });
  });
});
