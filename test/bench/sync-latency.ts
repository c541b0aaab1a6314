/**
 * Edit-to-remote latency on one document with 2, 8 and 32 clients: our server (session auth,
 * per-document role check, update log + snapshots in the database) against a bare
 * @y/websocket-server baseline, both in their own process, measured in the same run.
 *
 * One client at a time (round-robin) moves a node; the time until each other client has applied
 * the update is one sample. Each edit starts EDIT_GAP_MS after the previous one arrived everywhere
 * (people do not edit back to back at loopback speed), so we measure latency, not queueing behind
 * the server's work for the previous edit (its update log write).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ms, ratio, type Summary, summarize } from './stats.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CLIENT_COUNTS = [2, 8, 32];
const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 300);
const WARMUP_EDITS = 30;
const EDIT_GAP_MS = Number(process.env.BENCH_SYNC_GAP_MS ?? 10);

interface Client {
  doc: Y.Doc;
  destroy(): void;
}

interface Target {
  name: string;
  connect(): Promise<Client>;
  close(): Promise<void>;
}

function spawnAndWait(
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve({ child, match });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function ourServer(): Promise<Target> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-bench-'));
  const { child, match } = await spawnAndWait(
    ['server/main.ts'],
    { PORT: '0', DATA_DIR: dataDir, CLIENT_DIR: '/nonexistent', LOG_LEVEL: 'warn' },
    /running at (http:\/\/\S+)/,
  );
  const url = match[1]!;
  const post = (p: string, body: unknown, cookie?: string) =>
    fetch(`${url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const reg = await post('/api/auth/register', {
    username: 'bench',
    email: 'bench@example.test',
    password: 'benchmark-password',
  });
  const cookie = reg.headers.getSetCookie()[0]!.split(';')[0]!;
  const pipeline = (await (await post('/api/pipelines', { name: 'Bench' }, cookie)).json()) as { id: string };
  const HeaderedWebSocket = class extends WebSocket {
    constructor(u: string) {
      super(u, { headers: { cookie, origin: url } });
    }
  };
  return {
    name: 'DominoML (Hocuspocus + auth + persistence)',
    async connect() {
      const socket = new HocuspocusProviderWebsocket({
        url: `${url.replace('http', 'ws')}/collab`,
        WebSocketPolyfill: HeaderedWebSocket,
      });
      const doc = new Y.Doc();
      const synced = new Promise<void>((resolve, reject) => {
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: `pipeline:${pipeline.id}`,
          document: doc,
          onSynced: () => resolve(),
          onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
        });
        provider.attach();
        clients.push(() => {
          provider.destroy();
          socket.destroy();
        });
      });
      await synced;
      const destroy = clients[clients.length - 1]!;
      return { doc, destroy };
    },
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
const clients: (() => void)[] = [];

async function baselineServer(): Promise<Target> {
  const { child, match } = await spawnAndWait(
    ['test/bench/baseline-y-websocket-server.ts'],
    {},
    /listening (\d+)/,
  );
  const url = `ws://127.0.0.1:${match[1]}`;
  return {
    name: 'baseline (@y/websocket-server + y-websocket)',
    async connect() {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(url, 'bench', doc, {
        WebSocketPolyfill: WebSocket as never,
        // Same-process clients would otherwise talk over BroadcastChannel and skip the server.
        disableBc: true,
      });
      await new Promise<void>((resolve) => {
        if (provider.synced) resolve();
        else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
      });
      return { doc, destroy: () => provider.destroy() };
    },
    close: () => stop(child),
  };
}

const nodeId = 'bench-node';

/** One node every client has, whose position the edits move. */
async function addBenchNode(connected: Client[]): Promise<void> {
  const first = connected[0]!;
  first.doc.transact(() => {
    const node = new Y.Map<unknown>();
    node.set('x', 0);
    first.doc.getMap('nodes').set(nodeId, node);
  });
  await Promise.all(connected.map((c) => until(c.doc, () => c.doc.getMap('nodes').has(nodeId))));
}

/** Round-robin edits; resolves with one latency sample per (edit, receiving client). */
async function measure(connected: Client[], from: number, edits: number): Promise<number[]> {
  const samples: number[] = [];
  for (let k = from; k < from + edits; k++) {
    const sender = connected[k % connected.length]!;
    const receivers = connected.filter((c) => c !== sender);
    const started = performance.now();
    const arrivals = receivers.map((c) =>
      until(
        c.doc,
        () => (c.doc.getMap('nodes').get(nodeId) as Y.Map<unknown> | undefined)?.get('x') === k,
      ).then(() => performance.now() - started),
    );
    (sender.doc.getMap('nodes').get(nodeId) as Y.Map<unknown>).set('x', k);
    samples.push(...(await Promise.all(arrivals)));
    await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
  }
  return samples;
}

function until(doc: Y.Doc, predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

export async function runSyncLatencyBench(): Promise<string> {
  const rows: { clients: number; ours: Summary; base: Summary }[] = [];
  for (const count of CLIENT_COUNTS) {
    const results: Summary[] = [];
    for (const make of [ourServer, baselineServer]) {
      const target = await make();
      const connected: Client[] = [];
      for (let i = 0; i < count; i++) connected.push(await target.connect());
      await addBenchNode(connected);
      await measure(connected, 1, WARMUP_EDITS);
      results.push(summarize(await measure(connected, 1 + WARMUP_EDITS, EDITS)));
      for (const c of connected) c.destroy();
      await target.close();
    }
    rows.push({ clients: count, ours: results[0]!, base: results[1]! });
    console.log(
      `sync latency, ${count} clients: ours p50 ${ms(results[0]!.p50)} p99 ${ms(results[0]!.p99)}; baseline p50 ${ms(results[1]!.p50)} p99 ${ms(results[1]!.p99)}`,
    );
  }
  const lines = [
    '## Sync: edit-to-remote latency (loopback)',
    '',
    `One document, ${EDITS} paced edits (after ${WARMUP_EDITS} warm-up), round-robin senders, ${EDIT_GAP_MS} ms between edits; a sample is the time until one other client applied the edit. Both servers in their own process; clients in the benchmark process. Target: p50 < 2 ms, p99 ≤ 1.5× baseline.`,
    '',
    '| clients | DominoML p50 | p99 | baseline p50 | p99 | p50 ratio | p99 ratio | samples |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.clients} | ${ms(r.ours.p50)} | ${ms(r.ours.p99)} | ${ms(r.base.p50)} | ${ms(r.base.p99)} | ${ratio(r.ours.p50 / r.base.p50)} | ${ratio(r.ours.p99 / r.base.p99)} | ${r.ours.n} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
