/**
 * Runner streaming (issue 6), in-process server on PGlite in a temporary DATA_DIR, as `npm start`
 * runs (or PostgreSQL at BENCH_DATABASE_URL):
 *
 * 1. Latency from a line printed by Python to its appearance in a second person's awareness (a
 *    commenter's HocuspocusProvider): the script prints its own wall-clock time, paced, and each
 *    line's arrival is one sample. Target: p50 < 150 ms.
 * 2. A run printing 100,000 lines as fast as it can: every line stored (counted in `run_logs`,
 *    consecutive `seq`), lines per second read and stored, and the server's event loop: the worst
 *    delay seen by `monitorEventLoopDelay` while it ran. Targets: 10,000 lines/s; no block > 100 ms.
 *
 * Both run raw scripts through the runner's real execution path (sandbox, process group, log
 * batching, awareness): `executeForBenchmark` is the one door for a script that is not generated
 * from a version, and nothing in the API reaches it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { and, count, eq, max } from 'drizzle-orm';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { runLogs, runs } from '../../server/db/schema.ts';
import { startServer } from '../../server/server.ts';
import { readRunnerAwareness } from '../../shared/doc/index.ts';
import { ms, summarize } from './stats.ts';

const LATENCY_LINES = Number(process.env.BENCH_RUNNER_LATENCY_LINES ?? 300);
const LATENCY_PACE_MS = 20;
const FLOOD_LINES = Number(process.env.BENCH_RUNNER_FLOOD_LINES ?? 100_000);
const TARGET_P50_MS = 150;
const TARGET_LINES_PER_S = 10_000;
const TARGET_MAX_LOOP_DELAY_MS = 100;

type Server = Awaited<ReturnType<typeof startServer>>;

async function post(url: string, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: path.endsWith('/members') ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function register(url: string, name: string): Promise<{ cookie: string; username: string }> {
  const username = `${name}${Date.now().toString(36)}`;
  const response = await post(url, '/api/auth/register', {
    username,
    email: `${username}@example.test`,
    password: 'correct horse battery staple',
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, username };
}

/** A pipeline with one saved version, and a commenter watching it. */
async function setUp(server: Server) {
  const { url } = server;
  const owner = await register(url, 'owner');
  const viewer = await register(url, 'viewer');
  const created = await post(
    url,
    '/api/pipelines',
    { name: 'Bench', template: 'iris-logistic-regression' },
    owner.cookie,
  );
  const pipeline = (await created.json()) as { id: string };
  await post(
    url,
    `/api/pipelines/${pipeline.id}/members`,
    { username: viewer.username, role: 'commenter' },
    owner.cookie,
  );
  const saved = await post(url, `/api/pipelines/${pipeline.id}/versions`, { name: 'bench' }, owner.cookie);
  const version = (await saved.json()) as { id: string };
  const headers = { origin: url, cookie: viewer.cookie };
  const socket = new HocuspocusProviderWebsocket({
    url: `${url.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: class extends WebSocket {
      constructor(address: string) {
        super(address, { headers });
      }
    },
  });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `pipeline:${pipeline.id}`,
    document: doc,
  });
  provider.attach();
  await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  return { pipelineId: pipeline.id, versionId: version.id, provider, socket };
}

/** A queued run row without a queue job: only `executeForBenchmark` will ever execute it. */
async function benchRun(server: Server, pipelineId: string, versionId: string): Promise<string> {
  const [row] = await server.context.database.db
    .insert(runs)
    .values({ pipelineId, versionId })
    .returning({ id: runs.id });
  return row!.id;
}

async function latency(server: Server, setup: Awaited<ReturnType<typeof setUp>>) {
  const runner = await server.context.runner();
  const runId = await benchRun(server, setup.pipelineId, setup.versionId);
  const samples: number[] = [];
  const seen = new Set<number>();
  const onChange = () => {
    const now = Date.now() / 1000;
    for (const state of setup.provider.awareness!.getStates().values()) {
      const run = readRunnerAwareness(state)?.runs[runId];
      for (const line of run?.tail ?? []) {
        if (line.stream !== 'stdout' || seen.has(line.seq)) continue;
        seen.add(line.seq);
        const printedAt = Number(line.text.split(' ')[1]);
        if (Number.isFinite(printedAt)) samples.push((now - printedAt) * 1000);
      }
    }
  };
  setup.provider.awareness!.on('change', onChange);
  const script = [
    'import time',
    `for i in range(${LATENCY_LINES}):`,
    '    print("%d %.6f" % (i, time.time()))',
    `    time.sleep(${LATENCY_PACE_MS / 1000})`,
  ].join('\n');
  await runner.executeForBenchmark(runId, { codeOverride: script });
  await new Promise((resolve) => setTimeout(resolve, 300)); // the last publish
  setup.provider.awareness!.off('change', onChange);
  return { summary: summarize(samples), received: seen.size };
}

async function flood(server: Server, setup: Awaited<ReturnType<typeof setUp>>) {
  const runner = await server.context.runner();
  const { db } = server.context.database;
  const runId = await benchRun(server, setup.pipelineId, setup.versionId);
  let updates = 0;
  const onUpdate = () => {
    updates += 1;
  };
  setup.provider.awareness!.on('update', onUpdate);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const script = `for i in range(${FLOOD_LINES}):\n    print(i)\n`;
  loop.enable();
  const started = performance.now();
  await runner.executeForBenchmark(runId, { codeOverride: script });
  const elapsedMs = performance.now() - started;
  loop.disable();
  setup.provider.awareness!.off('update', onUpdate);

  const [stored] = await db
    .select({ lines: count(), last: max(runLogs.seq) })
    .from(runLogs)
    .where(and(eq(runLogs.runId, runId), eq(runLogs.stream, 'stdout')));
  const [all] = await db
    .select({ lines: count(), last: max(runLogs.seq) })
    .from(runLogs)
    .where(eq(runLogs.runId, runId));
  const [run] = await db.select({ status: runs.status }).from(runs).where(eq(runs.id, runId));
  const times = await db
    .select({ time: runLogs.time })
    .from(runLogs)
    .where(and(eq(runLogs.runId, runId), eq(runLogs.stream, 'stdout')))
    .orderBy(runLogs.seq);
  const readMs = times.length > 1 ? times.at(-1)!.time.getTime() - times[0]!.time.getTime() : Number.NaN;
  return {
    status: run?.status,
    stdoutLines: stored?.lines ?? 0,
    consecutive: all?.lines === all?.last,
    elapsedMs,
    readPerS: (FLOOD_LINES / Math.max(readMs, 1)) * 1000,
    storedPerS: (FLOOD_LINES / elapsedMs) * 1000,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    awarenessPerS: (updates / elapsedMs) * 1000,
  };
}

export async function runRunnerBench(): Promise<string> {
  // PGlite on disk, as `npm start` runs it (in memory its growing files are copied on every resize).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-bench-runner-'));
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'warn',
      clientDir: '/nonexistent',
      dataDir,
      memoryDatabase: false,
      databaseUrl: process.env.BENCH_DATABASE_URL,
    },
  );
  const server = await startServer(config);
  try {
    const setup = await setUp(server);
    const runner = await server.context.runner();
    const sandbox = runner.environment?.sandbox.kind ?? 'none';
    const lat = await latency(server, setup);
    console.log(`latency p50 ${ms(lat.summary.p50)}, p99 ${ms(lat.summary.p99)} (${lat.received} lines)`);
    const fl = await flood(server, setup);
    console.log(
      `flood: ${fl.stdoutLines} lines stored in ${ms(fl.elapsedMs)}, ${Math.round(fl.storedPerS)} lines/s, loop max ${ms(fl.loopMaxMs)}`,
    );
    setup.provider.destroy();
    setup.socket.destroy();
    const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
    return [
      '## Runner: log streaming',
      '',
      `In-process server on ${server.context.database.kind}, run sandbox: ${sandbox}; the watching client (a commenter's HocuspocusProvider) runs in the same process. Raw scripts through the runner's execution path.`,
      '',
      '| measure | value | target |',
      '| --- | --- | --- |',
      `| print → second client's awareness, p50 | ${ms(lat.summary.p50)} | < ${TARGET_P50_MS} ms: ${verdict(lat.summary.p50 < TARGET_P50_MS)} |`,
      `| print → second client's awareness, p99 | ${ms(lat.summary.p99)} | |`,
      `| lines received live (of ${LATENCY_LINES}, paced ${LATENCY_PACE_MS} ms) | ${lat.received} | all |`,
      `| ${FLOOD_LINES.toLocaleString('en')} lines as fast as Python prints: stored | ${fl.stdoutLines.toLocaleString('en')} (seq consecutive: ${fl.consecutive ? 'yes' : 'NO'}), run ${fl.status} | all |`,
      `| lines/s read from the pipe | ${Math.round(fl.readPerS).toLocaleString('en')} | |`,
      `| lines/s stored (start of run to last line committed) | ${Math.round(fl.storedPerS).toLocaleString('en')} | ≥ ${TARGET_LINES_PER_S.toLocaleString('en')}: ${verdict(fl.storedPerS >= TARGET_LINES_PER_S)} |`,
      `| server event loop delay during the flood, p99 / max | ${ms(fl.loopP99Ms)} / ${ms(fl.loopMaxMs)} | max < ${TARGET_MAX_LOOP_DELAY_MS} ms: ${verdict(fl.loopMaxMs < TARGET_MAX_LOOP_DELAY_MS)} |`,
      `| awareness updates per second during the flood | ${fl.awarenessPerS.toFixed(1)} | about 10 (one per 100 ms at most) |`,
      '',
    ].join('\n');
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
