/**
 * Uploading a generated ~200 MB CSV (the default DATASET_MAX_BYTES) to a real DominoML server
 * process (`node server/main.ts`, PGlite and blobs in a temporary DATA_DIR): wall time,
 * throughput, the server process's CPU time, and its RSS before, at its peak (sampled from
 * /proc every 20 ms) and after. The claim to check: memory stays flat, the file is never held.
 *
 * Baselines, each a bare `node:http` server in its own process (baseline-upload-server.ts):
 * receiving and discarding the same bytes, and receiving, hashing and writing them to a file
 * (what the upload does minus CSV parsing and profiling).
 *
 * What everyone else on the server feels meanwhile: every server process runs with
 * datasets-upload-probe.ts preloaded, which reads its own event-loop delay
 * (`monitorEventLoopDelay`) over a quiet window and over each upload. For DominoML the bench also
 * times a `GET /api/health` every PING_MS, idle and during the upload (a request's wait, as a
 * collaborator's would be). Target: p99 loop delay under 50 ms and max under 100 ms while uploading.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import { generateCsv } from './datasets.ts';
import { type LoopReport, RESOLUTION_MS } from './datasets-upload-probe.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** Just under 200 MiB so the default limit accepts it (the generator overshoots by < 0.5 MB). */
const TARGET_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 199) * 1024 * 1024;
const RUNS = Number(process.env.BENCH_UPLOAD_RUNS ?? 2);
const SAMPLE_MS = 20;
/** Period of the health requests timed against DominoML. */
const PING_MS = 20;
/** Quiet window measured before the uploads, for the idle figures. */
const IDLE_MS = 2_000;
const PROBE = path.join(root, 'test/bench/datasets-upload-probe.ts');
/** Targets for the loop delay while uploading. */
const TARGET_P99_MS = 50;
const TARGET_MAX_MS = 100;
const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Started {
  child: ChildProcess;
  url: string;
}

/** Spawns `node <args>` and resolves with the URL it prints once listening. */
function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<Started> {
  const child = spawn(process.execPath, ['--import', PROBE, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match)
        resolve({ child, url: match[1]!.startsWith('http') ? match[1]! : `http://127.0.0.1:${match[1]}` });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
}

async function stop({ child }: Started): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Asks the server's probe for something and waits for its answer. */
function probe<T extends { probe: string }>(server: Started, what: 'reset' | 'report'): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: T) => {
      if (message?.probe !== what) return;
      server.child.off('message', onMessage);
      resolve(message);
    };
    server.child.on('message', onMessage);
    server.child.send({ probe: what });
  });
}

/** Times one request every PING_MS (never two at once) until `stop` resolves; round trips in ms. */
async function pingUntil(url: string, stop: Promise<unknown>): Promise<number[]> {
  let stopped = false;
  void stop.finally(() => {
    stopped = true;
  });
  const times: number[] = [];
  while (!stopped) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const elapsed = performance.now() - started;
    times.push(elapsed);
    if (!stopped) await new Promise((resolve) => setTimeout(resolve, Math.max(0, PING_MS - elapsed)));
  }
  return times;
}

interface Pings {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

function pingSummary(times: number[]): Pings {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN, count: sorted.length };
}

/** The server's loop delay (and pings, when `pingUrl` is given) over a quiet IDLE_MS. */
async function idle(server: Started, pingUrl?: string): Promise<{ loop: LoopReport; pings?: Pings }> {
  await probe(server, 'reset');
  const quiet = new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const pings = pingUrl ? await pingUntil(pingUrl, quiet) : undefined;
  await quiet;
  return { loop: await probe<LoopReport>(server, 'report'), pings: pings && pingSummary(pings) };
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** User + system CPU time of the process so far, in seconds. */
function cpuSeconds(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU seconds of the process's threads so far, summed by thread name (MainThread, V8Worker, …). */
function threadCpu(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      byName.set(name, (byName.get(name) ?? 0) + seconds);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return byName;
}

/** Per thread name: CPU seconds used between two `threadCpu` readings (threads gone since are missed). */
function threadCpuSince(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, seconds] of after) used[name] = seconds - (before.get(name) ?? 0);
  return used;
}

interface Run {
  seconds: number;
  cpu: number;
  /** The CPU seconds of `cpu` by thread name, for the threads alive at the end. */
  threads: Record<string, number>;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
  /** The server's event-loop delay during the upload. */
  loop: LoopReport;
  /** Health request round trips during the upload (DominoML only). */
  pings?: Pings;
}

/** POSTs the file (streamed from disk by fetch) while sampling the server's RSS. */
async function upload(
  server: Started,
  url: string,
  file: string,
  headers: Record<string, string>,
  check: (response: Response) => Promise<void>,
  pingUrl?: string,
): Promise<Run> {
  const pid = server.child.pid!;
  await probe(server, 'reset');
  const rssBefore = rssBytes(pid);
  const cpuBefore = cpuSeconds(pid);
  const threadsBefore = threadCpu(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssBytes(pid));
  }, SAMPLE_MS);
  const body = await openAsBlob(file);
  const started = performance.now();
  let pinging: Promise<number[]> | undefined;
  try {
    const sending = fetch(url, { method: 'POST', headers, body }).then(check);
    pinging = pingUrl
      ? pingUntil(
          pingUrl,
          sending.catch(() => {}),
        )
      : undefined;
    await sending;
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const loop = await probe<LoopReport>(server, 'report');
  const pings = pinging && pingSummary(await pinging);
  const rssAfter = rssBytes(pid);
  rssPeak = Math.max(rssPeak, rssAfter);
  const threads = threadCpuSince(threadsBefore, threadCpu(pid));
  const run = {
    seconds,
    cpu: cpuSeconds(pid) - cpuBefore,
    threads,
    rssBefore,
    rssPeak,
    rssAfter,
    loop,
    pings,
  };
  console.log(
    `  ${seconds.toFixed(2)} s, RSS ${[rssBefore, rssPeak, rssAfter].map((b) => mb(b).toFixed(0)).join(' / ')} MB, loop delay p50/p99/max ${ms(loop.p50)} / ${ms(loop.p99)} / ${ms(loop.max)}${pings ? `, health p50/p99/max ${ms(pings.p50)} / ${ms(pings.p99)} / ${ms(pings.max)} (${pings.count})` : ''}`,
  );
  return run;
}

async function expectOk(response: Response, status: number): Promise<unknown> {
  const text = await response.text();
  if (response.status !== status)
    throw new Error(`upload answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

interface Measured {
  runs: Run[];
  idle: { loop: LoopReport; pings?: Pings };
}

async function baseline(
  mode: 'discard' | 'store',
  file: string,
  bytes: number,
  dir: string,
): Promise<Measured> {
  const storeDir = path.join(dir, `baseline-${mode}`);
  mkdirSync(storeDir, { recursive: true });
  const server = await start(
    [path.join(root, 'test/bench/baseline-upload-server.ts'), mode, storeDir],
    {},
    /listening (\d+)/,
  );
  try {
    const quiet = await idle(server);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(
        await upload(server, server.url, file, { 'content-type': 'text/csv' }, async (response) => {
          const body = (await expectOk(response, 200)) as { size: number };
          if (body.size !== bytes) throw new Error(`baseline received ${body.size} of ${bytes} bytes`);
        }),
      );
      rmSync(storeDir, { recursive: true, force: true });
      mkdirSync(storeDir, { recursive: true });
    }
    return { runs, idle: quiet };
  } finally {
    await stop(server);
  }
}

async function dominoml(file: string, bytes: number, rows: number, dir: string): Promise<Measured> {
  const server = await start(
    [path.join(root, 'server/main.ts')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'dominoml-data'),
      CLIENT_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      RUNNER_CONCURRENCY: '0',
    },
    /DominoML is running at (http:\/\/\S+)/,
  );
  try {
    const origin = server.url;
    const username = `bench${Date.now()}`;
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ username, email: `${username}@example.test`, password: 'benchmark password' }),
    });
    await expectOk(registered, 201);
    const cookie = registered.headers.getSetCookie()[0]!.split(';')[0]!;
    const health = `${server.url}/api/health`;
    const quiet = await idle(server, health);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const url = `${server.url}/api/datasets?name=Bench+${i}&fileName=bench.csv`;
      const headers = { origin, cookie, 'content-type': 'text/csv' };
      runs.push(
        await upload(
          server,
          url,
          file,
          headers,
          async (response) => {
            const record = (await expectOk(response, 201)) as DatasetRecord;
            if (record.sizeBytes !== bytes || record.rows !== rows) {
              throw new Error(
                `stored ${record.sizeBytes} bytes / ${record.rows} rows, sent ${bytes} / ${rows}`,
              );
            }
          },
          health,
        ),
      );
    }
    return { runs, idle: quiet };
  } finally {
    await stop(server);
  }
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');

/** The worst window of several (highest p50, p99 and max, each over the runs). */
function worstLoop(reports: LoopReport[]): LoopReport {
  return {
    probe: 'report',
    samples: reports.reduce((sum, r) => sum + r.samples, 0),
    p50: Math.max(...reports.map((r) => r.p50)),
    p99: Math.max(...reports.map((r) => r.p99)),
    max: Math.max(...reports.map((r) => r.max)),
  };
}

function worstPings(all: Pings[]): Pings {
  return {
    p50: Math.max(...all.map((p) => p.p50)),
    p99: Math.max(...all.map((p) => p.p99)),
    max: Math.max(...all.map((p) => p.max)),
    count: all.reduce((sum, p) => sum + p.count, 0),
  };
}

export async function runDatasetsUploadBench(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-bench-upload-'));
  const file = path.join(dir, 'upload.csv');
  try {
    const { bytes, rows } = generateCsv(file, TARGET_BYTES);
    console.log(`generated ${mb(bytes).toFixed(1)} MB, ${rows.toLocaleString('en-US')} rows`);
    const measured: [string, Measured][] = [
      ['bare node:http, discard (baseline)', await baseline('discard', file, bytes, dir)],
      ['bare node:http, SHA-256 + write file (baseline)', await baseline('store', file, bytes, dir)],
      ['DominoML `POST /api/datasets`', await dominoml(file, bytes, rows, dir)],
    ];
    const best = (runs: Run[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const worstGrowth = (runs: Run[]) => Math.max(...runs.map((run) => run.rssPeak - run.rssBefore));
    const discard = best(measured[0]![1].runs).seconds;
    const store = best(measured[1]![1].runs).seconds;
    const lines = measured.map(([name, { runs }]) => {
      const run = best(runs);
      const peak = Math.max(...runs.map((r) => r.rssPeak));
      return `| ${name} | ${run.seconds.toFixed(2)} s | ${(mb(bytes) / run.seconds).toFixed(1)} MB/s | ${run.cpu.toFixed(2)} s | ${mb(run.rssBefore).toFixed(0)} / ${mb(peak).toFixed(0)} / ${mb(run.rssAfter).toFixed(0)} MB | ${mb(worstGrowth(runs)).toFixed(1)} MB | ${(run.seconds / discard).toFixed(1)}× / ${(run.seconds / store).toFixed(1)}× |`;
    });
    const loopLine = (name: string, when: string, loop: LoopReport, pings?: Pings) =>
      `| ${name} | ${when} | ${ms(loop.p50)} | ${ms(loop.p99)} | ${ms(loop.max)} | ${pings ? `${ms(pings.p50)} / ${ms(pings.p99)} / ${ms(pings.max)} (${pings.count})` : '—'} |`;
    const loopLines = measured.flatMap(([name, { runs, idle: quiet }]) => {
      const pings = runs.flatMap((run) => (run.pings ? [run.pings] : []));
      return [
        loopLine(name, 'idle', quiet.loop, quiet.pings),
        loopLine(
          name,
          'uploading',
          worstLoop(runs.map((run) => run.loop)),
          pings.length > 0 ? worstPings(pings) : undefined,
        ),
      ];
    });
    for (const line of [...lines, ...loopLines]) console.log(line);
    const ours = worstLoop(measured[2]![1].runs.map((run) => run.loop));
    const oursBest = best(measured[2]![1].runs);
    const threadLine = Object.entries(oursBest.threads)
      .filter(([, seconds]) => seconds >= 0.05)
      .sort((a, b) => b[1] - a[1])
      .map(([name, seconds]) => `${name} ${seconds.toFixed(2)} s`)
      .join(', ');
    console.log(`DominoML server CPU by thread (best run): ${threadLine}`);
    const met = ours.p99 < TARGET_P99_MS && ours.max < TARGET_MAX_MS;
    return [
      '## Dataset upload (200 MB CSV to a server process)',
      '',
      `Generated CSV: ${mb(bytes).toFixed(1)} MB, ${rows.toLocaleString('en-US')} rows × 10 columns (the profiling bench's generator), sent by \`fetch\` streaming it from disk to a server in its own process on loopback. DominoML: \`node server/main.ts\` on PGlite with filesystem blobs in a temporary DATA_DIR; the upload streams through the size limit, SHA-256 and the blob store on the event loop, and through the profiler in a worker thread (server/datasets/profile-worker-client.ts), and answers with the record. Baselines: a bare \`node:http\` server that discards the body, and one that hashes it and writes it to a file. Best wall time of ${RUNS} runs each; server CPU is the whole process's (all threads); RSS of the server process sampled every ${SAMPLE_MS} ms (peak: the highest of all runs; growth: peak minus before, worst run).`,
      '',
      '| server | wall time | throughput | server CPU | RSS before / peak / after | RSS growth | time vs discard / vs store |',
      '|---|---|---|---|---|---|---|',
      ...lines,
      '',
      `DominoML's server CPU in that run, by thread: ${threadLine} (WorkerThread: the worker threads — the profiler and, since 2026-11-22 22:15 UTC, the embedded database, which gets a dataset's row and profile; MainThread: the event loop; V8Worker: V8's garbage-collector and compiler helpers, shared by all).`,
      '',
      `The DominoML server's RSS grew by at most ${mb(worstGrowth(measured[2]![1].runs)).toFixed(1)} MB while receiving ${mb(bytes).toFixed(0)} MB: the body goes one chunk at a time to storage and, in batches of at most 256 KB (two in flight), to the profiler (whose state is bounded), never buffered whole. The gap to the store baseline is CSV decoding, parsing and profiling in the worker, which sets the pace: the request is read no faster than it is profiled.`,
      '',
      `What the rest of the server feels during an upload: each server process's own event-loop delay (\`monitorEventLoopDelay\` from a module preloaded into it, reported as how late its ${RESOLUTION_MS} ms timer fired), over a quiet ${IDLE_MS / 1000} s window and over each upload (the worst of the ${RUNS} runs). For DominoML also the round trip of a \`GET /api/health\` sent every ${PING_MS} ms (one at a time) from the bench process: what any other request, a collaborator's included, waits.`,
      '',
      '| server | when | loop delay p50 | p99 | max | health request p50 / p99 / max (requests) |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...loopLines,
      '',
      `Target while uploading (loop delay p99 < ${TARGET_P99_MS} ms, max < ${TARGET_MAX_MS} ms): ${met ? 'met' : '**missed**'} (p99 ${ms(ours.p99)}, max ${ms(ours.max)}).`,
      '',
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
