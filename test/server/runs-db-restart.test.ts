/**
 * A run started while the database restarts finishes or fails cleanly (issue 6). A private
 * PostgreSQL 15 (helpers/private-postgres.ts) is restarted (`pg_ctl restart -m fast`: every
 * connection is cut) while a server's in-process worker executes a run, and in a second test is
 * away for several seconds while a run ends. The run must end `succeeded`, or `failed` with an
 * error a person understands — never stay `running` — its stored log must have no gaps and no
 * duplicates, its end must still reach the people watching, and the worker must go on taking
 * runs. PostgreSQL only: PGlite lives inside the server and cannot restart under it. CI's
 * PostgreSQL pass (DOMINOML_TEST_DB=postgres) runs it.
 */
import { describe, expect, onTestFinished, test } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { parseRecordNotification } from '../../shared/api/notifications.ts';
import type { RunDetail } from '../../shared/api/runs.ts';
import { registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import {
  type PrivatePostgres,
  privatePostgresAvailable,
  startPrivatePostgres,
} from './helpers/private-postgres.ts';
import {
  allLogLines,
  getRun,
  pipelineWithGraph,
  startRun,
  templateGraph,
  waitForRun,
  waitForRunEnd,
} from './helpers/runs.ts';
import { testDbKind } from './helpers/test-database.ts';
import { useTestServer } from './helpers/test-server.ts';

/** A grid search of some seconds (~10 s on an idle machine): long enough to restart under it. */
function mediumGraph() {
  const graph = templateGraph('wine-random-forest-grid-search');
  const search = graph.nodes.find((node) => node.type === 'sklearn.model_selection.GridSearchCV')!;
  search.params = { ...search.params, param_grid: { n_estimators: [800, 1000], max_depth: [null, 8, 16] } };
  return graph;
}

/** A server on a private PostgreSQL, a user, and a watcher recording the run notifications it hears. */
async function setUp(): Promise<{ pg: PrivatePostgres; server: RunningServer; owner: TestUser }> {
  if (!privatePostgresAvailable())
    throw new Error('PostgreSQL 15 binaries are missing (apt-get install postgresql)');
  const pg = await startPrivatePostgres();
  const server = await useTestServer({
    database: { config: { databaseUrl: pg.url }, drop: async () => {} },
    config: { runnerConcurrency: 1, runLeaseSeconds: 30 },
  });
  return { pg, server, owner: await registerUser(server.url) };
}

/** Records `runId:action` of every run notification on the pipeline's connection. */
async function listen(server: RunningServer, owner: TestUser, pipelineId: string): Promise<string[]> {
  const watcher = connectCollab(server.url, pipelineId, { cookie: owner.cookie });
  onTestFinished(() => watcher.destroy());
  await watcher.synced;
  const heard: string[] = [];
  watcher.provider.on('stateless', ({ payload }: { payload: string }) => {
    const notification = parseRecordNotification(payload);
    if (notification?.kind === 'run') heard.push(`${notification.id}:${notification.action}`);
  });
  return heard;
}

/** The run's stored log is whole: 1..n with no gap or repeat, as many as the run counted, one start, one end. */
async function expectWholeLog(server: RunningServer, owner: TestUser, ended: RunDetail) {
  const lines = await allLogLines(server.url, owner, ended.id);
  const text = lines.map((line) => `${line.seq} ${line.stream} ${line.text}`).join('\n');
  expect(
    lines.map((line) => line.seq),
    text,
  ).toEqual(lines.map((_, index) => index + 1));
  expect(ended.logLines).toBe(lines.length);
  expect(lines.filter((line) => line.text.startsWith('Python started'))).toHaveLength(1);
  expect(lines.at(-1)?.stream).toBe('system');
  expect(lines.at(-1)?.text).toMatch(/^Run (succeeded|failed)/);
  return text;
}

/**
 * Waits until the API reads the run again. The outage is over when this returns from pg_ctl, but a
 * request on a connection the pool has not yet replaced may still fail once; the run is what this
 * test is about, not that request.
 */
async function apiAnswers(server: RunningServer, owner: TestUser, runId: string) {
  await expect
    .poll(
      () =>
        getRun(server.url, owner, runId).then(
          () => true,
          () => false,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
}

/** The worker goes on: a new run is taken and succeeds. */
async function expectNextRunSucceeds(server: RunningServer, owner: TestUser) {
  const quick = await pipelineWithGraph(server, owner, templateGraph('iris-logistic-regression'));
  const next = await waitForRunEnd(server.url, owner, await startRun(server.url, owner, quick.id), 120_000);
  expect(next.status, JSON.stringify(next)).toBe('succeeded');
}

describe.runIf(testDbKind === 'postgres')('the database restarts under a run', () => {
  test('a restart mid-run: the run ends cleanly with its log whole, people hear of it, the worker takes the next run', async () => {
    const { pg, server, owner } = await setUp();
    const pipeline = await pipelineWithGraph(server, owner, mediumGraph());
    const heard = await listen(server, owner, pipeline.id);

    const run = await startRun(server.url, owner, pipeline.id);
    // Python is at work (its start is logged) when the database goes away.
    await waitForRun(server.url, owner, run, (detail) => detail.status === 'running' && detail.logLines >= 3);
    const restartedAt = Date.now();
    await pg.restart();
    console.info(`PostgreSQL restarted in ${Date.now() - restartedAt} ms`);
    await apiAnswers(server, owner, run.id);

    const ended = await waitForRunEnd(server.url, owner, run, 120_000);
    console.info(`run ended ${ended.status}${ended.error ? `: ${ended.error}` : ''}`);
    const text = await expectWholeLog(server, owner, ended);
    expect(['succeeded', 'failed'], text).toContain(ended.status);
    if (ended.status === 'failed') {
      // Clear: a sentence about what happened and what to do, not a stack or an empty error.
      expect(ended.error).toMatch(/Run (it )?again\.$/);
    } else {
      expect(ended.metrics.some((metric) => metric.name === 'accuracy')).toBe(true);
    }
    // The end was announced after the restart too (the server listens again).
    await expect.poll(() => heard, { timeout: 30_000 }).toContain(`${run.id}:finished`);
    await expectNextRunSucceeds(server, owner);
  }, 300_000);

  test('the database away for seconds while a run ends: its result, log and end are still recorded and announced', async () => {
    const { pg, server, owner } = await setUp();
    // The wine template's small grid search: done in a second or two, so it ends during the outage.
    const pipeline = await pipelineWithGraph(server, owner, templateGraph('wine-random-forest-grid-search'));
    const heard = await listen(server, owner, pipeline.id);
    const run = await startRun(server.url, owner, pipeline.id);
    await waitForRun(server.url, owner, run, (detail) => detail.status !== 'queued');
    await pg.outage(8_000);
    await apiAnswers(server, owner, run.id);

    const ended = await waitForRunEnd(server.url, owner, run, 120_000);
    const text = await expectWholeLog(server, owner, ended);
    expect(ended.status, text).toBe('succeeded');
    expect(ended.metrics.map((metric) => metric.name)).toContain('accuracy');
    expect(ended.artifacts.map((artifact) => artifact.kind)).toEqual(['predictions']);
    await expect.poll(() => heard, { timeout: 30_000 }).toContain(`${run.id}:finished`);
    await expectNextRunSucceeds(server, owner);
  }, 300_000);
});
