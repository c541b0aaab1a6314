/**
 * Runs over HTTP for tests: pipelines holding a given graph, starting runs, waiting for their end
 * (on the pipeline's record notifications, not by sleeping), and checking that a run's process
 * group is gone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { liveProcessesInGroup } from '../../../server/runner/process-group.ts';
import type { RunningServer } from '../../../server/server.ts';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { parseRecordNotification } from '../../../shared/api/notifications.ts';
import type { RunDetail, RunLogPage } from '../../../shared/api/runs.ts';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import type { JsonValue } from '../../../shared/catalog/types.ts';
import {
  isRunFinished,
  type RunAwareness,
  readRunnerAwareness,
  replaceContent,
} from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { findTemplate } from '../../../shared/templates/index.ts';
import { api, type TestUser } from './accounts.ts';
import { type CollabClient, connectCollab } from './collab-client.ts';
import { SHARED_DATA, uploadBytes } from './datasets.ts';
import { json, TEST_EDITOR } from './versions.ts';

/** A run includes importing scikit-learn (~1 s); on a busy two-core machine several times that. */
export const RUN_TIMEOUT_MS = 60_000;

export function templateGraph(id: string): PipelineGraph {
  const template = findTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return structuredClone(template.graph);
}

/** A pipeline whose live document holds `graph`. */
export async function pipelineWithGraph(
  server: RunningServer,
  owner: TestUser,
  graph: PipelineGraph,
  name = 'Run test',
): Promise<PipelineSummary> {
  const response = await api(server.url, '/api/pipelines', { body: { name }, cookie: owner.cookie });
  const pipeline = await json<PipelineSummary>(response, 201);
  await server.context.collab.changeDocument(pipeline.id, (doc) => {
    replaceContent(doc, TEST_EDITOR, { graph, meta: { name, description: '', tags: [] } });
  });
  return pipeline;
}

export async function startRun(
  url: string,
  user: TestUser,
  pipelineId: string,
  body: { versionId?: string } = {},
): Promise<RunDetail> {
  const response = await api(url, `/api/pipelines/${pipelineId}/runs`, { body, cookie: user.cookie });
  return json<RunDetail>(response, 202);
}

export async function getRun(url: string, user: TestUser, runId: string): Promise<RunDetail> {
  return json<RunDetail>(await api(url, `/api/runs/${runId}`, { cookie: user.cookie }), 200);
}

/**
 * Resolves with the run once it has finished: woken by the pipeline's `run … finished` record
 * notification, and checked once first in case it had finished already.
 */
export async function waitForRunEnd(
  url: string,
  user: TestUser,
  run: { id: string; pipelineId: string },
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<RunDetail> {
  return waitForRun(url, user, run, (detail) => isRunFinished(detail.status), timeoutMs);
}

/**
 * A backstop: announcements made while a server's database connection was away (a restart) are
 * lost, so the wait also looks again this often.
 */
const BACKSTOP_POLL_MS = 500;

/**
 * Resolves with the run once `predicate` holds, checking on each of its record notifications (and
 * every `BACKSTOP_POLL_MS`).
 */
export async function waitForRun(
  url: string,
  user: TestUser,
  run: { id: string; pipelineId: string },
  predicate: (run: RunDetail) => boolean,
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<RunDetail> {
  const client = connectCollab(url, run.pipelineId, { cookie: user.cookie, autoDestroy: false });
  try {
    await client.synced;
    return await new Promise<RunDetail>((resolve, reject) => {
      let last: RunDetail | undefined;
      const timer = setTimeout(() => {
        clearInterval(poll);
        reject(new Error(`run ${run.id} did not get there in time; last seen: ${JSON.stringify(last)}`));
      }, timeoutMs);
      const poll = setInterval(() => check(), BACKSTOP_POLL_MS);
      let checking = Promise.resolve();
      const check = () => {
        checking = checking.then(async () => {
          last = await getRun(url, user, run.id);
          if (predicate(last)) {
            clearTimeout(timer);
            clearInterval(poll);
            resolve(last);
          }
        });
        checking.catch(reject);
      };
      client.provider.on('stateless', ({ payload }: { payload: string }) => {
        const notification = parseRecordNotification(payload);
        if (notification?.kind === 'run' && notification.id === run.id) check();
      });
      check();
    });
  } finally {
    client.destroy();
  }
}

export async function readLogs(url: string, user: TestUser, runId: string, query = ''): Promise<RunLogPage> {
  return json<RunLogPage>(await api(url, `/api/runs/${runId}/logs${query}`, { cookie: user.cookie }), 200);
}

/** Every stored line of a run (all pages). */
export async function allLogLines(url: string, user: TestUser, runId: string) {
  const lines: RunLogPage['lines'] = [];
  for (let after = 0; ; ) {
    const page = await readLogs(url, user, runId, `?after=${after}&limit=10000`);
    lines.push(...page.lines);
    if (page.lines.length === 0) return lines;
    after = page.nextAfter;
  }
}

/** The process group the runner named in the run's log ("Python started (process group N)"). */
export function processGroupOf(lines: readonly { text: string }[]): number {
  for (const line of lines) {
    const match = /^Python started \(process group (\d+)\)/.exec(line.text);
    if (match) return Number(match[1]);
  }
  throw new Error('the run never started Python');
}

/** Pids of live processes in process group `pgid`. */
export const processesInGroup = liveProcessesInGroup;

/**
 * A pipeline that takes many seconds: a grid search over large random forests, one thread per run.
 * For cancel, timeout and crash tests, which stop it long before it ends.
 */
export function slowGraph(): PipelineGraph {
  const graph = templateGraph('wine-random-forest-grid-search');
  const search = graph.nodes.find((node) => node.type === 'sklearn.model_selection.GridSearchCV')!;
  search.params = {
    ...search.params,
    // Far more work than any time limit in the tests allows, even on a fast idle machine (the run
    // is killed long before it could finish: how long it would take does not matter).
    param_grid: { n_estimators: [3000, 4000, 5000, 6000], max_depth: [null, 8, 16] },
  };
  return graph;
}

/**
 * A small uploaded CSV whose class "b" has a single row: a stratified split cannot divide it, so
 * scikit-learn raises ValueError ("The least populated class in y has only 1 member"). Validation
 * cannot know that from the profile, so the run starts and fails in Python.
 */
export const ONE_MEMBER_CLASS_CSV = `x,species\n${[...Array.from({ length: 11 }, (_, i) => `${i},a`), '11,b'].join('\n')}\n`;

/**
 * Valid, but fails when run: iris's template reading {@link ONE_MEMBER_CLASS_CSV} as a CSV dataset.
 * `filename` (only a fallback: the runner names the real file) is a free-text parameter, which
 * makes it, with the label, the hostile-input probe.
 */
export function failingCsvGraph(
  datasetId: string,
  filename = 'data.csv',
  label = 'Customers',
): PipelineGraph {
  const graph = templateGraph('iris-logistic-regression');
  const data = graph.nodes.find((node) => node.type === 'sklearn.datasets.load_iris')!;
  data.type = 'dominoml.data.CsvDataset';
  data.label = label;
  data.params = { datasetId, filename, sep: ',' };
  // A CSV has no marked target: choose one between the data and the split.
  const toSplit = graph.edges.find((edge) => edge.source === data.id)!;
  graph.nodes.push({
    id: 'target',
    type: 'dominoml.prepare.SelectTarget',
    label: 'Target',
    params: { target: 'species' },
  });
  graph.edges.push({
    id: 'target-split',
    source: 'target',
    sourcePort: 'table',
    target: toSplit.target,
    targetPort: toSplit.targetPort,
  });
  toSplit.target = 'target';
  toSplit.targetPort = 'table';
  return graph;
}

/** A pipeline holding {@link failingCsvGraph}, its dataset uploaded and attached. */
export async function failingCsvPipeline(
  server: RunningServer,
  owner: TestUser,
  options: { filename?: string; label?: string; name?: string } = {},
): Promise<PipelineSummary> {
  const dataset = await uploadDataset(server.url, owner, { text: ONE_MEMBER_CLASS_CSV, fileName: 'one.csv' });
  const graph = failingCsvGraph(dataset.id, options.filename, options.label);
  const pipeline = await pipelineWithGraph(server, owner, graph, options.name);
  await attachDataset(server.url, owner, pipeline.id, dataset.id);
  return pipeline;
}

/** Every run in the runner states of a document's awareness (several runners may publish). */
export function runsInAwareness(client: CollabClient): Record<string, RunAwareness> {
  const runs: Record<string, RunAwareness> = {};
  for (const state of client.provider.awareness?.getStates().values() ?? []) {
    const runner = readRunnerAwareness(state);
    if (runner) Object.assign(runs, runner.runs);
  }
  return runs;
}

/** Resolves once the awareness `client` sees satisfies `predicate`, checked on every change. */
export function waitForAwareness<T>(
  client: CollabClient,
  predicate: (runs: Record<string, RunAwareness>) => T | undefined | null | false,
  timeoutMs = RUN_TIMEOUT_MS,
): Promise<T> {
  const awareness = client.provider.awareness;
  if (!awareness) return Promise.reject(new Error('the provider has no awareness'));
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = predicate(runsInAwareness(client));
      if (!found) return;
      clearTimeout(timer);
      awareness.off('change', check);
      resolve(found);
    };
    const timer = setTimeout(() => {
      awareness.off('change', check);
      reject(new Error('timed out waiting for the runner state in awareness'));
    }, timeoutMs);
    awareness.on('change', check);
    check();
  });
}

/** The process group of a run as soon as its awareness tail names it. */
export function processGroupInAwareness(client: CollabClient, runId: string): Promise<number> {
  return waitForAwareness(client, (runs) => {
    const line = runs[runId]?.tail.find((entry) => entry.text.startsWith('Python started'));
    return line ? processGroupOf([line]) : null;
  });
}

/** Uploads a CSV (a file of ../shared/data, or text) as a dataset of `user`; not attached anywhere. */
export async function uploadDataset(
  url: string,
  user: TestUser,
  source: { file: string } | { text: string; fileName: string },
): Promise<DatasetRecord> {
  const [bytes, fileName] =
    'file' in source
      ? [readFileSync(path.join(SHARED_DATA, source.file)), source.file]
      : [new TextEncoder().encode(source.text), source.fileName];
  const response = await uploadBytes(url, user, bytes, { name: fileName, fileName });
  return json<DatasetRecord>(response, 201);
}

/** Attaches a dataset to a pipeline (PUT /api/pipelines/:id/datasets/:datasetId). */
export async function attachDataset(url: string, user: TestUser, pipelineId: string, datasetId: string) {
  const response = await api(url, `/api/pipelines/${pipelineId}/datasets/${datasetId}`, {
    method: 'PUT',
    cookie: user.cookie,
  });
  if (!response.ok) throw new Error(`attach answered ${response.status}: ${await response.text()}`);
}

/**
 * Titanic (../shared/data/titanic.csv, seaborn's 891 rows) as a user would prepare it: the target
 * `survived`, the columns that give the answer away or repeat others dropped, numeric columns
 * imputed and scaled and categorical ones imputed and one-hot encoded through column routes, a
 * stratified split, logistic regression, test metrics and the saved model.
 */
export function titanicGraph(datasetId: string, options: { target?: string } = {}): PipelineGraph {
  const node = (id: string, type: string, label: string, params: Record<string, JsonValue> = {}) => ({
    id,
    type,
    label,
    params,
  });
  const edge = (from: string, to: string) => {
    const [source, sourcePort] = from.split('.') as [string, string];
    const [target, targetPort] = to.split('.') as [string, string];
    return { id: `${from}->${to}`, source, sourcePort, target, targetPort };
  };
  return {
    nodes: [
      node('data', 'dominoml.data.CsvDataset', 'Titanic', { datasetId, filename: 'titanic.csv', sep: ',' }),
      node('target', 'dominoml.prepare.SelectTarget', 'Survived?', { target: options.target ?? 'survived' }),
      node('drop', 'dominoml.prepare.DropColumns', 'Drop leaks', {
        columns: ['alive', 'class', 'who', 'adult_male', 'deck', 'embark_town', 'alone'],
      }),
      node('split', 'sklearn.model_selection.train_test_split', 'Split', { stratify: true }),
      node('impute-num', 'sklearn.impute.SimpleImputer', 'Median', { strategy: 'median' }),
      node('scale', 'sklearn.preprocessing.StandardScaler', 'Scale'),
      node('route-num', 'dominoml.compose.ColumnRoute', 'Numbers', {
        columns: ['pclass', 'age', 'sibsp', 'parch', 'fare'],
        name: 'numeric',
      }),
      node('impute-cat', 'sklearn.impute.SimpleImputer', 'Most frequent', { strategy: 'most_frequent' }),
      node('onehot', 'sklearn.preprocessing.OneHotEncoder', 'One-hot', { handle_unknown: 'ignore' }),
      node('route-cat', 'dominoml.compose.ColumnRoute', 'Categories', {
        columns: ['sex', 'embarked'],
        name: 'categorical',
      }),
      node('router', 'sklearn.compose.ColumnTransformer', 'Columns', { remainder: 'drop' }),
      node('model', 'sklearn.linear_model.LogisticRegression', 'Logistic regression', { max_iter: 1000 }),
      node('train', 'dominoml.model.Fit', 'Fit'),
      node('metrics', 'dominoml.evaluate.ClassificationMetrics', 'Metrics'),
      node('save', 'dominoml.output.SaveModel', 'Save', { filename: 'titanic-model.joblib' }),
    ],
    edges: [
      edge('data.table', 'target.table'),
      edge('target.table', 'drop.table'),
      edge('drop.table', 'split.table'),
      edge('impute-num.out', 'scale.in'),
      edge('scale.out', 'route-num.steps'),
      edge('impute-cat.out', 'onehot.in'),
      edge('onehot.out', 'route-cat.steps'),
      edge('route-num.route', 'router.routes'),
      edge('route-cat.route', 'router.routes'),
      edge('router.out', 'model.preprocess'),
      edge('model.estimator', 'train.estimator'),
      edge('split.split', 'train.split'),
      edge('train.model', 'metrics.model'),
      edge('train.model', 'save.model'),
    ],
  };
}
