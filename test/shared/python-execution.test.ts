/**
 * Generated scripts run to completion with Debian's Python and scikit-learn: every template, a
 * few scenarios the templates do not cover (CSV data with column routes, clustering without
 * predictions, nested search), and hostile labels and parameters. All scripts run in one pool,
 * two at a time; the assertions then read their reports.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalog } from '../../shared/catalog/catalog.ts';
import { generatePython } from '../../shared/codegen/generate-python.ts';
import { generateNotebook } from '../../shared/codegen/notebook.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { templates } from '../../shared/templates/index.ts';
import { validateGraph } from '../../shared/validation/index.ts';
import { peopleCsv } from './helpers/people-csv.ts';
import { graphEdge, graphNode, linearPipeline, type StepSpec } from './helpers/pipelines.ts';
import {
  compileAndLint,
  makeTempDir,
  type ReportEvent,
  runScripts,
  type ScriptRun,
  stringConstants,
  validateNotebooks,
} from './helpers/python.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

/** Hostile text: quotes of every kind, escapes, code, template syntax, NUL, emoji, bidi, separators. */
const HOSTILE = [
  "'''",
  '"""',
  'C:\\new\\table \\x41 \\',
  "\nimport os\nos.system('touch /tmp/pwned')",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: literal "${" is the attack being tested.
  '${jndi:ldap://x} ${process.exit()} {0}',
  'NUL\u0000inside',
  'emoji 😀👩‍👩‍👧 and ZWJ',
  '\u202eright-to-left override\u202c',
  'line\u2028para\u2029end\r\nwindows',
  'mixed \' and " quotes\\',
];

/** A column name a CSV header can hold (quoted): no NUL, which CSV readers refuse. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: literal "${" is the attack being tested.
const HOSTILE_COLUMN = "he said \"hi\"\n\\ ${x} 😀 '''";

let temp: ReturnType<typeof makeTempDir>;
const runs = new Map<string, ScriptRun>();
const scripts = new Map<string, { path: string; graph: PipelineGraph; code: string }>();

function writeScript(name: string, graph: PipelineGraph, title = name): string {
  const { code, skipped } = generatePython(graph, catalog, { title });
  expect(skipped, `${name} generates every node`).toEqual([]);
  const path = join(temp.dir, `${name}.py`);
  writeFileSync(path, code);
  scripts.set(name, { path, graph, code });
  return path;
}

/** CSV → select → split → router(numeric: impute, scale; text: impute, one-hot) → logistic regression. */
function csvRoutesGraph(
  options: { ageColumn?: string; fillValue?: string; filename?: string } = {},
): PipelineGraph {
  const age = options.ageColumn ?? 'age';
  const graph = linearPipeline({
    source: {
      type: 'dominoml.data.CsvDataset',
      params: { datasetId: 'people', filename: options.filename ?? 'people.csv' },
    },
    prepare: [
      { type: 'dominoml.prepare.SelectTarget', params: { target: 'label', features: [age, 'fare', 'city'] } },
    ],
    split: { stratify: true },
    model: { type: 'sklearn.linear_model.LogisticRegression' },
    consumers: [
      { type: 'dominoml.evaluate.ClassificationMetrics' },
      { type: 'dominoml.evaluate.ConfusionMatrix' },
      { type: 'dominoml.output.SavePredictions' },
      { type: 'dominoml.output.SaveModel' },
    ],
  });
  const textImputer: StepSpec = options.fillValue
    ? {
        type: 'sklearn.impute.SimpleImputer',
        params: { strategy: 'constant', fill_value: options.fillValue },
      }
    : { type: 'sklearn.impute.SimpleImputer', params: { strategy: 'most_frequent' } };
  graph.nodes.push(
    graphNode('impute', { type: 'sklearn.impute.SimpleImputer', params: { strategy: 'median' } }),
    graphNode('scale', { type: 'sklearn.preprocessing.StandardScaler' }),
    graphNode('numeric', {
      type: 'dominoml.compose.ColumnRoute',
      params: { columns: [age, 'fare'], name: 'numeric' },
    }),
    graphNode('fill', textImputer),
    graphNode('encode', { type: 'sklearn.preprocessing.OneHotEncoder' }),
    graphNode('text', { type: 'dominoml.compose.ColumnRoute', params: { columns: ['city'], name: 'text' } }),
    graphNode('router', { type: 'sklearn.compose.ColumnTransformer' }),
  );
  graph.edges.push(
    graphEdge('impute', 'out', 'scale', 'in'),
    graphEdge('scale', 'out', 'numeric', 'steps'),
    graphEdge('fill', 'out', 'encode', 'in'),
    graphEdge('encode', 'out', 'text', 'steps'),
    graphEdge('numeric', 'route', 'router', 'routes'),
    graphEdge('text', 'route', 'router', 'routes'),
    graphEdge('router', 'out', 'model', 'preprocess'),
  );
  return graph;
}

/** Iris → drop incomplete rows → polynomial features on all rows → split → scaler → DBSCAN. */
function dbscanGraph(): PipelineGraph {
  const graph = linearPipeline({
    source: { type: 'sklearn.datasets.load_iris' },
    prepare: [{ type: 'dominoml.prepare.DropMissingRows' }, { type: 'dominoml.prepare.TransformTable' }],
    transformers: [{ type: 'sklearn.preprocessing.StandardScaler' }],
    model: { type: 'sklearn.cluster.DBSCAN', params: { eps: 0.9, min_samples: 4 } },
    consumers: [
      { type: 'dominoml.evaluate.Silhouette' },
      { type: 'dominoml.output.SavePredictions', params: { split: 'train' } },
    ],
  });
  graph.nodes.push(
    graphNode('poly', { type: 'sklearn.preprocessing.PolynomialFeatures', params: { include_bias: false } }),
  );
  graph.edges.push(graphEdge('poly', 'out', 'prep2', 'transformer'));
  return graph;
}

/** Diabetes → split → K-fold → select 6 → gradient boosting in a grid search → metrics and nested CV. */
function nestedSearchGraph(): PipelineGraph {
  return linearPipeline({
    source: { type: 'sklearn.datasets.load_diabetes' },
    folds: { n_splits: 3, shuffle: true },
    transformers: [
      { type: 'sklearn.feature_selection.SelectKBest', params: { k: 6, score_func: 'f_regression' } },
    ],
    model: { type: 'sklearn.ensemble.GradientBoostingRegressor', params: { max_depth: 2 } },
    search: { param_grid: { n_estimators: [10, 20], learning_rate: [0.1, 0.3] }, cv: 3 },
    consumers: [
      { type: 'dominoml.evaluate.RegressionMetrics' },
      { type: 'dominoml.evaluate.CrossValidation', params: { scoring: 'neg_root_mean_squared_error' } },
    ],
  });
}

function withLabels(graph: PipelineGraph, labels: readonly string[]): PipelineGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((node, position) => ({ ...node, label: labels[position % labels.length]! })),
  };
}

const pwnedMarker = () => join(temp.dir, 'pwned');

beforeAll(async () => {
  temp = makeTempDir('runs');
  const csv = peopleCsv();
  const csvPath = join(temp.dir, 'people.csv');
  writeFileSync(csvPath, csv.text);
  const hostileCsv = peopleCsv({ ageColumn: HOSTILE_COLUMN });
  const hostileCsvPath = join(temp.dir, 'hostile.csv');
  writeFileSync(hostileCsvPath, hostileCsv.text);
  const withMarker = [...HOSTILE, `\nimport os\nos.system('touch ${pwnedMarker()}')`];

  const jobs: { name: string; path: string; env?: Record<string, string>; args?: string[] }[] = [];
  for (const template of templates)
    jobs.push({ name: template.id, path: writeScript(template.id, template.graph, template.name) });
  jobs.push({
    name: 'csv-routes',
    path: writeScript('csv-routes', csvRoutesGraph()),
    env: { DOMINOML_DATASET_PEOPLE: csvPath },
  });
  jobs.push({
    name: 'csv-routes-cli',
    path: scripts.get('csv-routes')!.path,
    env: { DOMINOML_REPORT: '' },
    args: ['--data', csvPath],
  });
  jobs.push({ name: 'dbscan', path: writeScript('dbscan', dbscanGraph()) });
  jobs.push({ name: 'nested-search', path: writeScript('nested-search', nestedSearchGraph()) });
  jobs.push({
    name: 'hostile-labels',
    path: writeScript('hostile-labels', withLabels(templates[0]!.graph, withMarker), withMarker.join(' ')),
  });
  const hostileParams = csvRoutesGraph({
    ageColumn: HOSTILE_COLUMN,
    fillValue: HOSTILE.join('|'),
    filename: HOSTILE[5]!,
  });
  jobs.push({
    name: 'hostile-params',
    path: writeScript('hostile-params', withLabels(hostileParams, withMarker)),
    env: { DOMINOML_DATASET_PEOPLE: hostileCsvPath },
  });
  const results = await runScripts(jobs, temp.dir);
  for (const [position, job] of jobs.entries()) runs.set(job.name, results[position]!);
}, 300_000);

afterAll(() => temp.remove());

function expectSuccess(run: ScriptRun | undefined): asserts run is ScriptRun {
  expect(run, 'script ran').toBeDefined();
  expect(run!.stderr).not.toContain('Traceback');
  expect(run!.code, run!.stderr).toBe(0);
}

function metrics(run: ScriptRun): Extract<ReportEvent, { type: 'metric' }>[] {
  return run.events.filter(
    (event): event is Extract<ReportEvent, { type: 'metric' }> => event.type === 'metric',
  );
}

function expectCompleteReport(run: ScriptRun): void {
  const progress = run.events.filter((event) => event.type === 'progress');
  expect(progress.length).toBeGreaterThan(0);
  const last = progress.at(-1)!;
  expect(last.type === 'progress' && last.done === last.total).toBe(true);
  for (const metric of metrics(run)) {
    expect(typeof metric.value, `${metric.name} is a number`).toBe('number');
    expect(Number.isFinite(metric.value), metric.name).toBe(true);
  }
  for (const event of run.events) {
    if (event.type === 'artifact')
      expect(existsSync(join(run.outputDir, event.path)) || existsSync(event.path)).toBe(true);
  }
}

describe('templates', () => {
  it.each(templates.map((template) => [template.id, template] as const))(
    '%s validates without problems and runs to completion with finite metrics',
    (id, template) => {
      expect(validateGraph(template.graph)).toEqual([]);
      const run = runs.get(id);
      expectSuccess(run);
      expectCompleteReport(run);
      expect(metrics(run).length).toBeGreaterThan(0);
    },
  );

  it('report the metrics their evaluation nodes promise', () => {
    const names = (id: string) => new Set(metrics(runs.get(id)!).map((metric) => metric.name));
    expect(names('iris-logistic-regression')).toEqual(
      new Set(['accuracy', 'precision_macro', 'recall_macro', 'f1_macro']),
    );
    expect(names('diabetes-ridge')).toEqual(new Set(['rmse', 'mae', 'r2', 'cv_r2_mean', 'cv_r2_std']));
    expect(names('iris-kmeans')).toEqual(new Set(['silhouette']));
    expect(names('wine-random-forest-grid-search')).toContain('best_cv_score');
    expect(
      metrics(runs.get('iris-logistic-regression')!).find((metric) => metric.name === 'accuracy')!.value,
    ).toBeGreaterThan(0.8);
    const artifacts = runs
      .get('iris-logistic-regression')!
      .events.filter((event) => event.type === 'artifact');
    expect(artifacts.map((event) => event.type === 'artifact' && event.kind).sort()).toEqual([
      'confusion_matrix',
      'model',
    ]);
  });

  it('have positions on every node and pyflakes-clean scripts and valid notebooks', async () => {
    for (const template of templates) {
      for (const node of template.graph.nodes)
        expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
      expect(new Set(template.graph.nodes.map((node) => node.id)).size).toBe(template.graph.nodes.length);
    }
    const notebooks = templates.map((template) => {
      const path = join(temp.dir, `${template.id}.ipynb`);
      writeFileSync(path, generateNotebook(template.graph, catalog, { title: template.name }));
      return path;
    });
    const paths = [...scripts.values()].map((script) => script.path);
    const [reports, notebookErrors] = await Promise.all([
      compileAndLint(paths),
      validateNotebooks(notebooks),
    ]);
    for (const path of paths) expect(reports[path], path).toEqual({ compileError: null, pyflakes: '' });
    for (const path of notebooks) expect(notebookErrors[path], path).toBeNull();
  });
});

describe('scenarios beyond the templates', () => {
  it('trains on a profiled CSV with gaps and text through column routes', () => {
    const { facts } = peopleCsv();
    expect(validateGraph(csvRoutesGraph(), catalog, { datasets: { people: facts } })).toEqual([]);
    const run = runs.get('csv-routes');
    expectSuccess(run);
    expectCompleteReport(run);
    expect(metrics(run).find((metric) => metric.name === 'accuracy')!.value).toBeGreaterThan(0.6);
    const predictions = readFileSync(join(run.outputDir, 'predictions.csv'), 'utf8').split('\n');
    expect(predictions[0]).toBe(',true,prediction');
    expect(predictions.filter((line) => line !== '').length).toBe(1 + 40);
  });

  it('reads the dataset from --data and prints for a person without DOMINOML_REPORT', () => {
    const run = runs.get('csv-routes-cli');
    expectSuccess(run);
    expect(run.events).toEqual([]);
    expect(run.stdout).toMatch(/^\[1\/\d+\] source$/m);
    expect(run.stdout).toMatch(/^All \d+ steps done$/m);
    expect(run.stdout).toMatch(/ {4}accuracy \(test\): 0\.\d+/);
    expect(run.stdout).toContain('    saved model: ');
  });

  it('clusters with DBSCAN after a stateless table transform and scores the training rows', () => {
    expect(validateGraph(dbscanGraph())).toEqual([]);
    const run = runs.get('dbscan');
    expectSuccess(run);
    expectCompleteReport(run);
    expect(metrics(run).every((metric) => metric.split === 'train')).toBe(true);
  });

  it('nests a grid search inside cross-validation over K folds', () => {
    expect(validateGraph(nestedSearchGraph())).toEqual([]);
    const run = runs.get('nested-search');
    expectSuccess(run);
    expectCompleteReport(run);
    const names = metrics(run).map((metric) => metric.name);
    expect(names).toEqual(
      expect.arrayContaining(['best_cv_score', 'rmse', 'r2', 'cv_neg_root_mean_squared_error_mean']),
    );
  });
});

describe('hostile labels and parameters', () => {
  it('run, execute nothing they contain, and come back exactly in the report', () => {
    const run = runs.get('hostile-labels');
    expectSuccess(run);
    expectCompleteReport(run);
    const stageStarts = run.events.filter((event) => event.type === 'progress' && event.node !== null);
    const labels = stageStarts.map((event) => (event.type === 'progress' ? event.label : null));
    const graph = scripts.get('hostile-labels')!.graph;
    const expected = stageStarts.map((event) => graph.nodes.find((node) => node.id === event.node)!.label);
    expect(labels).toEqual(expected);
    expect(new Set(labels).size).toBeGreaterThan(4);
    expect(existsSync(pwnedMarker())).toBe(false);
  });

  it('keep column names, fill values and file names exact as Python literals', async () => {
    const run = runs.get('hostile-params');
    expectSuccess(run);
    expectCompleteReport(run);
    expect(existsSync(pwnedMarker())).toBe(false);
    const { path, code } = scripts.get('hostile-params')!;
    // No raw NUL or line separator reaches the file: they only exist as escapes inside literals.
    for (const invisible of ['\u0000', '\u2028', '\u2029', '\u202e'])
      expect(code.includes(invisible)).toBe(false);
    const constants = new Set((await stringConstants([path]))[path]);
    expect(constants).toContain(HOSTILE.join('|'));
    expect(constants).toContain(HOSTILE[5]);
    expect(constants).toContain(HOSTILE_COLUMN);
    // Labels of nodes with a stage of their own are literals of the progress calls, and return intact.
    const { graph } = scripts.get('hostile-params')!;
    for (const event of run.events) {
      if (event.type !== 'progress' || event.node === null) continue;
      const label = graph.nodes.find((node) => node.id === event.node)!.label;
      expect(event.label).toBe(label);
      expect(constants).toContain(label);
    }
  });
});
