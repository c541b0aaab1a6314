/**
 * Profiling a generated 50 MB CSV in the browser (Chromium through Playwright), the way the app
 * previews an upload: the client's `makeWorkerProfiler` (client/src/datasets/preview-profiler.ts)
 * running the real dataset worker, on a page built with Vite (test/bench/dataset-profile-page).
 * Baseline: the same `profileFile` on the page's main thread, as it would run without the worker.
 *
 * Reported for each: wall time and throughput; main-thread tasks over 50 ms (PerformanceObserver
 * 'longtask') and the longest gap between animation frames while profiling (target: no task over
 * 50 ms with the worker); the page's JS heap growth (performance.memory with precise memory
 * info); and, for the worker, its own heap at its highest, sampled over the DevTools protocol
 * (Runtime.getHeapUsage on the worker target every 100 ms: the JS heap, and with ArrayBuffer
 * backing stores, where the profiler keeps its typed-array tables), since
 * performance.measureUserAgentSpecificMemory needs cross-origin isolation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH_OPTIONS, CHROMIUM_ARGS as SHARED_CHROMIUM_ARGS } from '../chromium-launch.ts';
import type { ProfileRun } from './dataset-profile-page/main.ts';
import { generateCsv } from './datasets.ts';
import { ms } from './stats.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TARGET_MB = Number(process.env.BENCH_DATASET_MB ?? 50);
const LONG_TASK_MS = 50;
const HEAP_SAMPLE_MS = 100;
/** The shared flags, plus precise heap figures for the page's memory readings. */
const CHROMIUM_ARGS = [...SHARED_CHROMIUM_ARGS, '--enable-precise-memory-info'];

const mb = (bytes: number) => bytes / (1024 * 1024);

async function servePage(
  csvBytes: number,
): Promise<{ url: string; bytes: number; rows: number; close(): Promise<void> }> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-profile-bench-'));
  const config = {
    root: path.join(root, 'test/bench/dataset-profile-page'),
    logLevel: 'warn' as const,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  };
  await build({ ...config, configFile: false });
  // Written after the build (which empties the folder), served beside the page.
  const { bytes, rows } = generateCsv(path.join(outDir, 'bench.csv'), csvBytes);
  const server = await preview({ ...config, configFile: false, preview: { host: '127.0.0.1', port: 0 } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the bench page server reported no URL');
  return {
    url,
    bytes,
    rows,
    async close() {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

interface HeapPeak {
  /** Highest used JS heap seen. */
  js: number;
  /** Highest used JS heap plus ArrayBuffer backing stores (typed arrays live outside the JS heap), when reported. */
  withBuffers: number | null;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

/**
 * Samples the heap of the page's dedicated workers through a browser-level DevTools session
 * (non-flattened Target sessions, so Playwright's own attachment is left alone). Returns the
 * highest used heap seen, or null when no worker could be watched.
 */
function watchWorkerHeap(session: CDPSession): { stop(): Promise<HeapPeak | null> } {
  let peak: HeapPeak | null = null;
  let stopped = false;
  let nextId = 1;
  const attached = new Map<string, string>(); // targetId → sessionId
  const waiting = new Map<number, (usage: HeapUsage) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: Partial<HeapUsage> };
    if (message.id !== undefined && message.result?.usedSize !== undefined) {
      waiting.get(message.id)?.(message.result as HeapUsage);
      waiting.delete(message.id);
    }
  });
  const poll = async () => {
    while (!stopped) {
      try {
        const { targetInfos } = (await session.send('Target.getTargets')) as {
          targetInfos: { targetId: string; type: string }[];
        };
        for (const target of targetInfos) {
          if (target.type !== 'worker' || attached.has(target.targetId)) continue;
          const { sessionId } = (await session.send('Target.attachToTarget', {
            targetId: target.targetId,
            flatten: false,
          })) as { sessionId: string };
          attached.set(target.targetId, sessionId);
        }
        for (const sessionId of attached.values()) {
          const id = nextId++;
          const used = new Promise<HeapUsage>((resolve) => waiting.set(id, resolve));
          await session.send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
          });
          const usage = await Promise.race([used, new Promise<null>((r) => setTimeout(() => r(null), 1000))]);
          if (usage !== null) {
            const withBuffers =
              usage.backingStorageSize === undefined ? null : usage.usedSize + usage.backingStorageSize;
            peak = {
              js: Math.max(peak?.js ?? 0, usage.usedSize),
              withBuffers:
                withBuffers === null
                  ? (peak?.withBuffers ?? null)
                  : Math.max(peak?.withBuffers ?? 0, withBuffers),
            };
          }
        }
      } catch {
        // the worker ended between two calls: keep what was seen
      }
      await new Promise((resolve) => setTimeout(resolve, HEAP_SAMPLE_MS));
    }
  };
  const running = poll();
  return {
    async stop() {
      stopped = true;
      await running;
      return peak;
    },
  };
}

interface Measured extends ProfileRun {
  where: 'worker' | 'main';
  workerHeapPeak: HeapPeak | null;
}

async function measure(browser: Browser, url: string, where: 'worker' | 'main'): Promise<Measured> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.profileBench !== undefined);
    await page.evaluate((csv) => window.profileBench!.load(csv), new URL('bench.csv', url).href);
    const session = await browser.newBrowserCDPSession();
    const heap = where === 'worker' ? watchWorkerHeap(session) : null;
    const run = await page.evaluate((mode) => window.profileBench!.run(mode), where);
    const workerHeapPeak = heap ? await heap.stop() : null;
    await session.detach();
    return { ...run, where, workerHeapPeak };
  } finally {
    await page.close();
  }
}

function longTaskCell(run: Measured): string {
  if (run.longTasks.length === 0) return 'none';
  return `${run.longTasks.length} (max ${ms(Math.max(...run.longTasks))}, total ${ms(run.longTasks.reduce((a, b) => a + b, 0))})`;
}

export async function runDatasetProfileWorkerBench(): Promise<string> {
  const page = await servePage(TARGET_MB * 1024 * 1024);
  console.log(`generated ${mb(page.bytes).toFixed(1)} MB, ${page.rows.toLocaleString('en-US')} rows`);
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH_OPTIONS,
    args: CHROMIUM_ARGS,
  });
  const runs: Measured[] = [];
  try {
    for (const where of ['worker', 'main'] as const) {
      const run = await measure(browser, page.url, where);
      if (run.rows !== page.rows) throw new Error(`${where}: profiled ${run.rows} rows, wrote ${page.rows}`);
      runs.push(run);
      console.log(
        `${where}: ${(run.ms / 1000).toFixed(2)} s, long tasks ${longTaskCell(run)}, max frame gap ${ms(run.maxFrameGapMs)}`,
      );
    }
  } finally {
    await browser.close();
    await page.close();
  }

  const [worker, main] = runs as [Measured, Measured];
  const heapCell = (bytes: number | null) => (bytes === null ? 'not obtained' : `${mb(bytes).toFixed(1)} MB`);
  const workerHeapCell = (peak: HeapPeak | null) =>
    peak === null
      ? 'not obtained'
      : `${heapCell(peak.js)} (${peak.withBuffers === null ? 'ArrayBuffers not reported' : `${heapCell(peak.withBuffers)} with ArrayBuffers`})`;
  const row = (label: string, run: Measured) =>
    `| ${label} | ${(run.ms / 1000).toFixed(2)} s | ${(mb(page.bytes) / (run.ms / 1000)).toFixed(1)} MB/s | ${longTaskCell(run)} | ${ms(run.maxFrameGapMs)} | ${heapCell(run.heapPeak - run.heapBefore)} | ${run.where === 'worker' ? workerHeapCell(run.workerHeapPeak) : '—'} |`;
  const met = worker.longTasks.every((duration) => duration <= LONG_TASK_MS);
  return [
    `## Dataset profiling in the browser: worker vs main thread (${Math.round(mb(page.bytes))} MB CSV)`,
    '',
    `The generated CSV of the \`datasets\` section (${mb(page.bytes).toFixed(1)} MB, ${page.rows.toLocaleString('en-US')} rows × 10 columns), fetched into a Blob first, then profiled in Chromium by the client's preview profiler (\`makeWorkerProfiler\`: the dataset worker as Vite bundles it, progress through comlink) on a page built from test/bench/dataset-profile-page; baseline: the same \`profileFile\` awaited on the page's main thread. While profiling, the page records main-thread long tasks (\`PerformanceObserver('longtask')\`), the longest gap between animation frames, and its JS heap (\`performance.memory\`, precise); the worker's heap is sampled every ${HEAP_SAMPLE_MS} ms through the DevTools protocol (\`Runtime.getHeapUsage\` on the worker target: the JS heap, and the JS heap plus ArrayBuffer backing stores, where the profiler keeps its tables and row hashes in typed arrays) — \`performance.measureUserAgentSpecificMemory\` would need COOP/COEP. The page's heap growth is its JS heap only.`,
    '',
    '| where it runs | wall time | throughput | main-thread tasks > 50 ms | longest frame gap | page heap growth | worker heap peak |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('dataset worker (the app)', worker),
    row('main thread (baseline)', main),
    '',
    `Target (no main-thread task over ${LONG_TASK_MS} ms while the worker profiles): ${met ? 'met' : '**missed**'}. Wall-clock figures grow with the machine's load (other work shares its ${os.cpus().length} CPUs).`,
    '',
  ].join('\n');
}
