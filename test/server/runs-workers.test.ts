/**
 * Several workers on one PostgreSQL (ARCHITECTURE §2): they share the queue and never execute the
 * same run; a worker killed in the middle of a run (kill -9, no goodbye) leaves it `failed` with
 * "worker stopped responding" once its lease expires, and takes its Python with it; a standalone
 * worker's runs show live through a server it connects to with RUNNER_TOKEN. Standalone workers
 * refuse the embedded PGlite.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { describe, expect, onTestFinished, test } from 'vitest';
import WebSocket from 'ws';
import { WORKER_STOPPED_RESPONDING } from '../../server/runner/reconciler.ts';
import { parseRecordNotification, type RecordNotification } from '../../shared/api/notifications.ts';
import { addMember, registerUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import {
  allLogLines,
  attachDataset,
  pipelineWithGraph,
  processesInGroup,
  processGroupOf,
  slowGraph,
  startRun,
  templateGraph,
  titanicGraph,
  uploadDataset,
  waitForAwareness,
  waitForRun,
  waitForRunEnd,
} from './helpers/runs.ts';
import { createTestDatabase, testDbKind } from './helpers/test-database.ts';
import { useTestServer } from './helpers/test-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** pg-boss's shortest heartbeat: a dead worker's run is failed this long after its last one. */
const LEASE_SECONDS = 10;
const RUNNER_TOKEN = 'test-runner-token-0123456789abcdef0123456789';

interface RunnerProcess {
  pid: number;
  exited: Promise<number | null>;
  output(): string;
}

/** `npm run runner` as its own process; resolves once it says it is running. */
function spawnRunner(env: Record<string, string>): Promise<RunnerProcess> {
  const child = spawn(process.execPath, [path.join(root, 'server/runner-main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('DominoML runner is running')) {
        resolve({ pid: child.pid!, exited, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) => reject(new Error(`runner exited with ${code}:\n${output}`)));
  });
}

test('a standalone worker on PGlite refuses to start, saying why', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-runner-'));
  onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
  const runner = spawnRunner({ DATA_DIR: dataDir });
  await expect(runner).rejects.toThrow(/exited with 78:[\s\S]*needs PostgreSQL/);
});

describe.runIf(testDbKind === 'postgres')('workers sharing one PostgreSQL', () => {
  test('two servers’ workers share the queue and run every run exactly once', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const config = { runnerConcurrency: 2 };
    const a = await useTestServer({ database, config });
    const b = await useTestServer({ database, config });
    const owner = await registerUser(a.url);
    const pipeline = await pipelineWithGraph(a, owner, templateGraph('iris-logistic-regression'));
    const runs = [];
    for (let i = 0; i < 8; i++) runs.push(await startRun(a.url, owner, pipeline.id));
    const finished = await Promise.all(runs.map((run) => waitForRunEnd(a.url, owner, run, 120_000)));

    const workers = new Set<string>();
    for (const run of finished) {
      expect(run.status).toBe('succeeded');
      workers.add(run.worker!);
      const lines = await allLogLines(a.url, owner, run.id);
      expect(lines.filter((line) => line.text.startsWith('Running version'))).toHaveLength(1);
      expect(lines.filter((line) => line.text.startsWith('Python started'))).toHaveLength(1);
      expect(lines.filter((line) => line.text.startsWith('Run succeeded'))).toHaveLength(1);
    }
    expect(workers.size).toBeGreaterThanOrEqual(1);
    console.info(`8 runs on ${workers.size} worker(s): ${[...workers].join(', ')}`);
    // Both servers see the same history.
    const fromB = await waitForRunEnd(b.url, owner, runs[0]!);
    expect(fromB.status).toBe('succeeded');
  }, 150_000);

  test('a worker killed mid-run leaves the run failed once its lease expires, and no Python behind', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    // This server only queues and reconciles; the standalone worker executes.
    const server = await useTestServer({
      database,
      config: { runnerConcurrency: 0, runLeaseSeconds: LEASE_SECONDS },
    });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-runner-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const runner = await spawnRunner({
      DATABASE_URL: database.config.databaseUrl!,
      DATA_DIR: dataDir,
      RUN_LEASE_SECONDS: String(LEASE_SECONDS),
    });

    const owner = await registerUser(server.url);
    const pipeline = await pipelineWithGraph(server, owner, slowGraph());
    const run = await startRun(server.url, owner, pipeline.id);
    await waitForRun(server.url, owner, run, (detail) => detail.status === 'running' && detail.logLines >= 2);
    const running = await waitForRun(server.url, owner, run, (detail) => detail.worker !== null);
    expect(running.worker).toMatch(new RegExp(`:${runner.pid}$`));
    const pgid = processGroupOf(await allLogLines(server.url, owner, run.id));

    process.kill(runner.pid, 'SIGKILL');
    await runner.exited;
    const killedAt = Date.now();
    const failed = await waitForRunEnd(server.url, owner, run, 60_000);
    expect(failed).toMatchObject({ status: 'failed', error: WORKER_STOPPED_RESPONDING });
    // Not before the lease, not much after it (supervision runs a few times per lease).
    expect(Date.now() - killedAt).toBeLessThan(4 * LEASE_SECONDS * 1000);
    expect(processesInGroup(pgid)).toEqual([]);
    expect((await allLogLines(server.url, owner, run.id)).at(-1)?.text).toBe(
      `Run failed: ${WORKER_STOPPED_RESPONDING}`,
    );
  }, 90_000);

  test('a standalone worker publishes its runs live through a server’s sync endpoint', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const server = await useTestServer({
      database,
      config: { runnerConcurrency: 0, runnerToken: RUNNER_TOKEN },
    });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-runner-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    await spawnRunner({
      DATABASE_URL: database.config.databaseUrl!,
      DATA_DIR: dataDir,
      DOMINOML_SERVER_URL: server.url,
      RUNNER_TOKEN,
    });

    const owner = await registerUser(server.url);
    const viewer = await registerUser(server.url);
    const pipeline = await pipelineWithGraph(server, owner, templateGraph('iris-logistic-regression'));
    await addMember(server.url, owner, pipeline.id, viewer, 'viewer');
    const watcher = connectCollab(server.url, pipeline.id, { cookie: viewer.cookie });
    await watcher.synced;
    const run = await startRun(server.url, owner, pipeline.id);
    const live = await waitForAwareness(watcher, (runs) => {
      const state = runs[run.id];
      return state?.status === 'succeeded' ? state : null;
    });
    expect(live.progress).toEqual({ done: 7, total: 7 });
    expect(live.tail.at(-1)?.text).toMatch(/^Run succeeded/);
    expect((await waitForRunEnd(server.url, owner, run)).status).toBe('succeeded');

    // The token opens documents read-only and only with the right value.
    const socket = new HocuspocusProviderWebsocket({
      url: `${server.url.replace(/^http/, 'ws')}/collab`,
      WebSocketPolyfill: class extends WebSocket {
        constructor(address: string) {
          super(address, { headers: { origin: server.url } });
        }
      },
    });
    const impostor = new HocuspocusProvider({
      websocketProvider: socket,
      name: `pipeline:${pipeline.id}`,
      token: 'x'.repeat(RUNNER_TOKEN.length),
    });
    impostor.attach();
    onTestFinished(() => socket.destroy());
    onTestFinished(() => impostor.destroy());
    const refused = await new Promise<string>((resolve) =>
      impostor.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
    );
    expect(refused).toBe('unauthenticated');
  }, 90_000);

  test('a standalone worker’s runs reach people as record notifications through the database, with no runner token', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    // Two servers, no Redis: each relays what it hears from the database to its own connections.
    const a = await useTestServer({ database, config: { runnerConcurrency: 0 } });
    const b = await useTestServer({ database, config: { runnerConcurrency: 0 } });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-runner-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const runner = await spawnRunner({ DATABASE_URL: database.config.databaseUrl!, DATA_DIR: dataDir });
    // Its own DATA_DIR/blobs: it says that servers see its artifacts only through a shared directory.
    expect(runner.output()).toMatch(
      /BLOB_STORE=filesystem[^\n]*only if DATA_DIR is the directory the servers use/,
    );

    const owner = await registerUser(a.url);
    const pipeline = await pipelineWithGraph(a, owner, templateGraph('iris-logistic-regression'));
    const heard = (url: string) => {
      const client = connectCollab(url, pipeline.id, { cookie: owner.cookie });
      const notifications: RecordNotification[] = [];
      client.provider.on('stateless', ({ payload }: { payload: string }) => {
        const notification = parseRecordNotification(payload);
        if (notification?.kind === 'run') notifications.push(notification);
      });
      return { client, notifications };
    };
    const onA = heard(a.url);
    const onB = heard(b.url);
    await Promise.all([onA.client.synced, onB.client.synced]);
    const run = await startRun(a.url, owner, pipeline.id);
    const actions = (notifications: RecordNotification[]) =>
      notifications.filter((n) => n.id === run.id).map((n) => n.action);
    for (const side of [onA, onB]) {
      await expect.poll(() => actions(side.notifications), { timeout: 60_000 }).toContain('finished');
      // Once each: a server relays only to its own connections.
      expect(actions(side.notifications).filter((action) => action === 'started')).toEqual(['started']);
      expect(actions(side.notifications).filter((action) => action === 'finished')).toEqual(['finished']);
    }
    const detail = await waitForRunEnd(a.url, owner, run);
    expect(detail.status).toBe('succeeded');
    expect(detail.worker).toMatch(new RegExp(`:${runner.pid}$`));
  }, 90_000);

  test('with BLOB_STORE=database a standalone worker on another machine reads uploads and its artifacts download through the server', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    // Different DATA_DIRs, as on two machines: the database is all they share.
    const server = await useTestServer({ database, config: { runnerConcurrency: 0, blobStore: 'database' } });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-runner-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const runner = await spawnRunner({
      DATABASE_URL: database.config.databaseUrl!,
      DATA_DIR: dataDir,
      BLOB_STORE: 'database',
    });
    expect(runner.output()).not.toContain('BLOB_STORE=filesystem');

    const owner = await registerUser(server.url);
    const dataset = await uploadDataset(server.url, owner, { file: 'titanic.csv' });
    const pipeline = await pipelineWithGraph(server, owner, titanicGraph(dataset.id));
    await attachDataset(server.url, owner, pipeline.id, dataset.id);
    const run = await waitForRunEnd(server.url, owner, await startRun(server.url, owner, pipeline.id));
    const lines = await allLogLines(server.url, owner, run.id);
    expect(run.status, lines.map((line) => line.text).join('\n')).toBe('succeeded');
    expect(run.worker).toMatch(new RegExp(`:${runner.pid}$`));
    expect(run.metrics.find((metric) => metric.name === 'accuracy')?.value).toBeGreaterThan(0.7);
    const model = await fetch(`${server.url}${run.artifacts[0]!.downloadUrl}`, {
      headers: { cookie: owner.cookie },
    });
    expect(model.status).toBe(200);
    expect(Number(model.headers.get('content-length'))).toBe(run.artifacts[0]!.size);
    expect((await model.arrayBuffer()).byteLength).toBe(run.artifacts[0]!.size);
    expect(readdirSync(dataDir)).toEqual([]); // nothing went to the runner's own directory
  }, 90_000);
});
