/**
 * The page of the dataset-profile-worker benchmark (test/bench/dataset-profile-worker.ts builds
 * and serves it): the client's own preview profiler (client/src/datasets/preview-profiler.ts, the
 * real dataset worker as Vite bundles it) and, as the baseline, the same `profileFile` on the main
 * thread. While either runs, the page records long tasks (PerformanceObserver 'longtask'), the
 * longest gap between animation frames, and its own JS heap.
 */
import { makeWorkerProfiler } from '../../../client/src/datasets/preview-profiler.ts';
import { datasetApi, type ProfileFileResult } from '../../../workers/dataset-api.ts';

export interface ProfileRun {
  ms: number;
  rows: number;
  columns: number;
  /** Durations of main-thread tasks over 50 ms while profiling. */
  longTasks: number[];
  /** Longest time between two animation frames while profiling. */
  maxFrameGapMs: number;
  /** Page JS heap (performance.memory), before and at its highest while profiling. */
  heapBefore: number;
  heapPeak: number;
}

export interface ProfileBenchApi {
  load(url: string): Promise<number>;
  run(where: 'worker' | 'main'): Promise<ProfileRun>;
}

declare global {
  interface Window {
    profileBench?: ProfileBenchApi;
  }
}

interface MemoryInfo {
  usedJSHeapSize: number;
}
const heap = () => (performance as Performance & { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? 0;

let file: Blob | undefined;

window.profileBench = {
  async load(url) {
    file = await (await fetch(url)).blob();
    return file.size;
  },
  async run(where) {
    if (!file) throw new Error('load() first');
    const blob = file;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    let running = true;
    let lastFrame = performance.now();
    let maxFrameGapMs = 0;
    const frame = (time: number) => {
      maxFrameGapMs = Math.max(maxFrameGapMs, time - lastFrame);
      lastFrame = time;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const heapBefore = heap();
    let heapPeak = heapBefore;
    const sample = () => {
      heapPeak = Math.max(heapPeak, heap());
    };
    const sampler = setInterval(sample, 50);

    const started = performance.now();
    let result: ProfileFileResult;
    if (where === 'worker') {
      result = await makeWorkerProfiler()(blob, sample).promise;
    } else {
      result = await datasetApi.profileFile(blob, {}, sample);
    }
    const ms = performance.now() - started;
    running = false;
    clearInterval(sampler);
    sample();
    // Two frames: any task that ran up to now has ended and its entry is queued; takeRecords reads it.
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const entry of observer.takeRecords()) longTasks.push(entry.duration);
    observer.disconnect();
    if (!result.ok) throw new Error(result.error.message);
    return {
      ms,
      rows: result.profile.rows,
      columns: result.profile.columns.length,
      longTasks,
      maxFrameGapMs,
      heapBefore,
      heapPeak,
    };
  },
};
document.getElementById('status')!.textContent = 'loaded';
