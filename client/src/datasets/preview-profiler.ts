/**
 * The local preview profile of a file, computed in the dataset worker (workers/dataset.worker.ts)
 * so the page never parses a byte: one worker per file, ended when the profile is ready or the
 * person cancels (terminating is the only way to stop a worker mid-file).
 */
import { proxy, releaseProxy, wrap } from 'comlink';
import type { DatasetApi, ProfileFileResult, ProfileProgress } from '../../../workers/dataset-api.ts';

export interface PreviewRun {
  /** The profile or the CSV error; rejects if the worker crashes or the run is cancelled. */
  promise: Promise<ProfileFileResult>;
  cancel(): void;
}

export type PreviewProfiler = (file: Blob, onProgress: (progress: ProfileProgress) => void) => PreviewRun;

export function startDatasetWorker(): Worker {
  return new Worker(new URL('../../../workers/dataset.worker.ts', import.meta.url), {
    type: 'module',
    name: 'dataset-profile',
  });
}

export function makeWorkerProfiler(start: () => Worker = startDatasetWorker): PreviewProfiler {
  return (file, onProgress) => {
    let worker: Worker | null = null;
    let rejectRun: (error: unknown) => void = () => {};
    const end = () => {
      worker?.terminate();
      worker = null;
    };
    const promise = new Promise<ProfileFileResult>((resolve, reject) => {
      rejectRun = reject;
      worker = start();
      const api = wrap<DatasetApi>(worker);
      // comlink's promise never settles when a worker dies: the error event settles it instead.
      worker.addEventListener('error', (event) => {
        end();
        reject(new Error(event.message || 'The dataset profiler stopped'));
      });
      api
        .profileFile(file, {}, proxy(onProgress))
        .then(resolve, reject)
        .finally(() => {
          api[releaseProxy]();
          end();
        });
    });
    return {
      promise,
      cancel() {
        if (!worker) return;
        end();
        rejectRun(new DOMException('Profiling was cancelled', 'AbortError'));
      },
    };
  };
}
