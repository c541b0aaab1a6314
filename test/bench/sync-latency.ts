/**
 * Edit-to-remote latency on one document with 2, 8 and 32 clients: our server (session auth,
 * per-document role check, update log + snapshots in the database) against a bare
 * @y/websocket-server baseline, both in their own process, measured in the same run.
 *
 * One client at a time (round-robin) moves a node; the time until each other client has applied
 * the update is one sample. Each edit starts EDIT_GAP_MS after the previous one arrived everywhere
 * (people do not edit back to back at loopback speed), so we measure latency, not queueing behind
 * the server's work for the previous edit.
 *
 * Fairness: both servers run at once, each with its own clients connected, and the measured edits
 * alternate between them in blocks (ABBA order), so a change of machine load hits both alike.
 * Both are warmed up first. The main comparison uses the same minimal client for both servers
 * (sync-clients.ts); the apps' own providers are measured as a second pair.
 *
 * BENCH_SYNC_PROFILE=<dir> starts both servers with `--cpu-prof` into that directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { ms, ratio, type Summary, summarize } from './stats.ts';
import {
  type BenchClient,
  connectHocuspocusProvider,
  connectMinimalClient,
  connectYWebsocket,
} from './sync-clients.ts';

const root = path.resolve(import.meta.dirname, '../..');
const CLIENT_COUNTS = (process.env.BENCH_SYNC_CLIENTS ?? '2,8,32').split(',').map(Number);
const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 1200);
const BLOCK_EDITS = 50;
const WARMUP_EDITS = 50;
const EDIT_GAP_MS = Number(process.env.BENCH_SYNC_GAP_MS ?? 10);
const PROFILE_DIR = process.env.BENCH_SYNC_PROFILE;
const KINDS = (process.env.BENCH_SYNC_KINDS ?? 'minimal,app').split(',') as ClientKind[];

type ClientKind = 'minimal' | 'app';

interface Server {
  pid: number;
  /** A fresh document for one configuration; resolves with its client factory. */
  openDocument(): Promise<(kind: ClientKind) => Promise<BenchClient>>;
  close(): Promise<void>;
}

function spawnAndWait(
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    let started = false;
    const onData = (chunk: Buffer) => {
      // Keeps the last lines only: enough to say why a server died.
      output = (output + chunk.toString()).slice(-20_000);
      const match = started ? null : pattern.exec(output);
      if (match) {
        started = true;
        resolve({ child, match });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      if (!started) return reject(new Error(`exited ${code ?? signal}: ${output}`));
      if (stopping.has(child)) return;
      // A server gone mid-run would leave the benchmark waiting for edits forever.
      console.error(`${args.join(' ')} exited during the benchmark (${code ?? signal}):\n${output}`);
      process.exit(1);
    });
  });
}

const stopping = new WeakSet<ChildProcess>();

function stop(child: ChildProcess): Promise<void> {
  stopping.add(child);
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** CPU time of all of a process's threads so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
  }
  return ns / 1e6;
}

async function ourServer(): Promise<Server> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-bench-'));
  const { child, match } = await spawnAndWait(
    ['server/main.ts'],
    // As shipped: the in-process run worker on (its queue polls the same embedded database).
    // BENCH_SYNC_RUNNER=0 measures a server that only queues runs (RUNNER_CONCURRENCY=0).
    {
      PORT: '0',
      DATA_DIR: dataDir,
      CLIENT_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      ...(process.env.BENCH_SYNC_RUNNER === '0' ? { RUNNER_CONCURRENCY: '0' } : {}),
    },
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
  const headers = { cookie, origin: url };
  const wsUrl = `${url.replace('http', 'ws')}/collab`;
  return {
    pid: child.pid!,
    async openDocument() {
      const pipeline = (await (await post('/api/pipelines', { name: 'Bench' }, cookie)).json()) as {
        id: string;
      };
      const name = `pipeline:${pipeline.id}`;
      return (kind) =>
        kind === 'minimal'
          ? connectMinimalClient({ url: wsUrl, headers, hocuspocusDocument: name })
          : connectHocuspocusProvider(wsUrl, name, headers);
    },
    async close() {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function baselineServer(): Promise<Server> {
  const { child, match } = await spawnAndWait(
    ['test/bench/baseline-y-websocket-server.ts'],
    {},
    /listening (\d+)/,
  );
  const url = `ws://127.0.0.1:${match[1]}`;
  let rooms = 0;
  return {
    pid: child.pid!,
    async openDocument() {
      const room = `bench-${++rooms}`;
      return (kind) =>
        kind === 'minimal' ? connectMinimalClient({ url: `${url}/${room}` }) : connectYWebsocket(url, room);
    },
    close: () => stop(child),
  };
}

const nodeId = 'bench-node';

/** One node every client has, whose position the edits move. */
async function addBenchNode(connected: BenchClient[]): Promise<void> {
  const first = connected[0]!;
  first.doc.transact(() => {
    const node = new Y.Map<unknown>();
    node.set('x', 0);
    first.doc.getMap('nodes').set(nodeId, node);
  });
  await Promise.all(connected.map((c) => until(c.doc, () => c.doc.getMap('nodes').has(nodeId))));
}

/** Round-robin edits; resolves with one latency sample per (edit, receiving client). */
async function measure(
  connected: BenchClient[],
  from: number,
  edits: number,
  samples: number[],
  firsts: number[] = [],
): Promise<void> {
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
    const arrived = await Promise.all(arrivals);
    samples.push(...arrived);
    firsts.push(Math.min(...arrived));
    await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
  }
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

interface Side {
  server: Server;
  clients: BenchClient[];
  samples: number[];
  /** Per edit, the first receiver's latency: the server's relay plus one client's decoding. */
  firsts: number[];
  cpuMs: number;
  next: number;
}

interface Result {
  ours: Summary;
  base: Summary;
  oursFirst: Summary;
  baseFirst: Summary;
  /** Server CPU time (all threads) per measured edit, ms. */
  oursCpu: number;
  baseCpu: number;
}

async function runConfiguration(servers: [Server, Server], count: number, kind: ClientKind): Promise<Result> {
  const sides: Side[] = [];
  for (const server of servers) {
    const connect = await server.openDocument();
    const clients: BenchClient[] = [];
    for (let i = 0; i < count; i++) clients.push(await connect(kind));
    await addBenchNode(clients);
    sides.push({ server, clients, samples: [], firsts: [], cpuMs: 0, next: 1 });
  }
  for (const side of sides) {
    await measure(side.clients, side.next, WARMUP_EDITS, []);
    side.next += WARMUP_EDITS;
  }
  const blocks = Math.ceil(EDITS / BLOCK_EDITS);
  for (let b = 0; b < blocks; b++) {
    // ABBA: ours, baseline, baseline, ours, … so neither side always goes first.
    const order = b % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const cpu = cpuMs(side.server.pid);
      await measure(side.clients, side.next, BLOCK_EDITS, side.samples, side.firsts);
      side.cpuMs += cpuMs(side.server.pid) - cpu;
      side.next += BLOCK_EDITS;
    }
  }
  for (const side of sides) for (const c of side.clients) c.destroy();
  const [ours, base] = sides as [Side, Side];
  return {
    ours: summarize(ours.samples),
    base: summarize(base.samples),
    oursFirst: summarize(ours.firsts),
    baseFirst: summarize(base.firsts),
    oursCpu: ours.cpuMs / (blocks * BLOCK_EDITS),
    baseCpu: base.cpuMs / (blocks * BLOCK_EDITS),
  };
}

/** What the numbers mean and where ours spends the difference: measured by hand, see each line. */
const SYNC_NOTES: string[] = [
  'Where the difference goes (measured by hand on 2026-11-22, same machine and load):',
  '',
  '- **Relay path** (the first-receiver gap, ~0.3–0.4 ms; `node test/bench/sync-relay.ts`): one update relayed to 32 connections in-process, with fake sockets, costs Hocuspocus configured as ours 24–34 µs against 12–20 µs for `@y/websocket-server` when hot, but 355–400 µs against 190–220 µs when each update follows 10 ms of idleness, as in this benchmark (cold caches on a shared virtual machine). Hocuspocus alone (without our hooks) is 330 µs of that: it runs about twice the code per message — hook chains with a payload object each (before and after handling, before sync, on change), a second parse of the message, a sync-status acknowledgement to the sender. Our hooks (the malformed-update guard, queueing the update for the log) add ~25 µs cold, ~3 µs hot; passing Hocuspocus a lighter request object changed nothing measurable.',
  '- **Server CPU per edit** (~1.1–1.9 ms against ~0.4–0.9 ms; it was ~2.5–3 ms): the update log is now written once per 50 ms per document (the updates of those 50 ms merged into one insert) instead of once per update — about one embedded PGlite insert per five edits at this pace (with one insert per update, ~2.9 ms per edit in the same run). What remains is mostly PGlite (those inserts, and a snapshot at least every 10 s of continuous editing) and Hocuspocus. On 2 shared cores this CPU competes with the clients.',
  '- **p99**: stalls of our server’s main thread. Before 2026-11-22 20:00 UTC the in-process run queue (pg-boss on the embedded database, whose statements run on the thread that relays edits) polled for job flows every 5 s (2–6 ms) and supervised every 7 s (~20 statements, ~25 ms back to back). Now the flow poller is off (no flows are used), supervision runs once per lease (30 s), and each of its statements first waits for the next event-loop turn, so an edit waits for one statement at most (1–5 ms typically, 17 ms the longest seen). What is left is a few ms now and then from many sources — the batched log insert (1–1.5 ms every 50 ms while editing), the queue’s fetch poll (every 10 s per worker), snapshots, garbage collection — against a baseline that does nothing but relay; on a quiet machine our p99 is 3–4 ms, the baseline’s 1.2–2.9 ms, so the ratio swings with the baseline’s own tail.',
  '- **p50 with 32 clients** is mostly the benchmark’s own decoding: all receivers share one thread, so the baseline is itself about 2 ms, while the first receiver gets our relay in ~1.1–1.3 ms. Each client on its own machine would not queue behind 30 others. Spreading the clients over 4 worker threads (tried on 2026-11-22) changed nothing here: on 2 cores the decoding still shares two cores with both servers, and waking another thread cost ~0.3 ms at 2 clients.',
  '- **Spread between runs**: p99 is set by the slowest ~1 % of edits, so it moves with whatever else the machine does. On a quiet machine (load < 0.6) on 2026-11-22, runs of this benchmark gave p99 ratios of 1.1–1.6× with the same client and 1.2–2.7× with the apps’ clients (the baseline’s app p99 was 1.15–2.3 ms); under load (1.5–3.5) earlier that day, 1.1–2.4×.',
  '- **App clients**: `@hocuspocus/provider` does more per message than `y-websocket` (routing by document name, counting unsynced changes from the acknowledgement of every update), which adds up over 31 receivers in one process.',
];

const KIND_LABEL: Record<ClientKind, string> = {
  minimal: 'same minimal client for both',
  app: 'each server with its own app client (@hocuspocus/provider / y-websocket)',
};

export async function runSyncLatencyBench(): Promise<string> {
  const servers: [Server, Server] = [await ourServer(), await baselineServer()];
  const tables = new Map<ClientKind, { clients: number; result: Result }[]>();
  const loads: number[] = [os.loadavg()[0]!];
  try {
    for (const kind of KINDS) {
      const rows: { clients: number; result: Result }[] = [];
      for (const count of CLIENT_COUNTS) {
        const result = await runConfiguration(servers, count, kind);
        rows.push({ clients: count, result });
        loads.push(os.loadavg()[0]!);
        console.log(
          `sync latency, ${kind} clients, ${count}: ours p50 ${ms(result.ours.p50)} p99 ${ms(result.ours.p99)}; baseline p50 ${ms(result.base.p50)} p99 ${ms(result.base.p99)}; first receiver p50 ${ms(result.oursFirst.p50)} vs ${ms(result.baseFirst.p50)}, p99 ${ms(result.oursFirst.p99)} vs ${ms(result.baseFirst.p99)}; server CPU/edit ${ms(result.oursCpu)} vs ${ms(result.baseCpu)} (load ${os.loadavg()[0]!.toFixed(2)})`,
        );
      }
      tables.set(kind, rows);
    }
  } finally {
    for (const server of servers) await server.close();
  }
  const runner =
    process.env.BENCH_SYNC_RUNNER === '0'
      ? 'the in-process run worker off (`RUNNER_CONCURRENCY=0`)'
      : 'the in-process run worker on, as shipped';
  const lines = [
    '## Sync: edit-to-remote latency (loopback)',
    '',
    `One document, ${EDITS} paced edits per server and configuration (after ${WARMUP_EDITS} warm-up), round-robin senders, ${EDIT_GAP_MS} ms between edits; a sample is the time until one other client applied the edit, so with n clients an edit gives n − 1 samples. Both servers run at once in their own processes, each with its own clients connected; the measured edits alternate between them in blocks of ${BLOCK_EDITS} (ABBA order), so both see the same machine load. The clients all run in the benchmark process, so a later receiver's sample includes the earlier receivers' decoding; the first receiver's latency is the server's relay plus one client's. **Ours**: Hocuspocus with session auth, role check, the update log and snapshots in embedded PGlite, ${runner}. **Baseline**: bare \`@y/websocket-server\`. Server CPU is the server process's CPU time (all threads) per edit. Load average during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} (2 cores shared with other work). Target: p50 < 2 ms, p99 ≤ 1.5× baseline.`,
    '',
  ];
  for (const [kind, rows] of tables) {
    lines.push(
      `**${KIND_LABEL[kind]}**`,
      '',
      '| clients | DominoML p50 | p99 | baseline p50 | p99 | p50 ratio | p99 ratio | first receiver p50 (ours / baseline) | server CPU per edit (ours / baseline) | samples per server |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        ({ clients, result: r }) =>
          `| ${clients} | ${ms(r.ours.p50)} | ${ms(r.ours.p99)} | ${ms(r.base.p50)} | ${ms(r.base.p99)} | ${ratio(r.ours.p50 / r.base.p50)} | ${ratio(r.ours.p99 / r.base.p99)} | ${ms(r.oursFirst.p50)} / ${ms(r.baseFirst.p50)} | ${ms(r.oursCpu)} / ${ms(r.baseCpu)} | ${r.ours.n} |`,
      ),
      '',
      `Target: ${rows
        .map(({ clients, result: r }) => {
          const p50 = r.ours.p50 < 2;
          const p99 = r.ours.p99 <= 1.5 * r.base.p99;
          return `${clients} clients ${p50 && p99 ? 'met' : `not met (${[!p50 && 'p50', !p99 && 'p99'].filter(Boolean).join(', ')})`}`;
        })
        .join('; ')}.`,
      '',
    );
  }
  lines.push(...SYNC_NOTES, '');
  return lines.join('\n');
}
