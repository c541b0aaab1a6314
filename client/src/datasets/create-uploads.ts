/**
 * `createUploads()`: the uploads of one page or dialog. Each file goes to the server (with
 * progress, Cancel) while the dataset worker profiles it locally for a preview; the state of each
 * follows `uploadReducer` (upload-state.ts). Transport and profiler are injected, so tests drive
 * both by hand.
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { ApiRequestError } from '../api/errors.ts';
import { makeWorkerProfiler, type PreviewProfiler, type PreviewRun } from './preview-profiler.ts';
import { datasetNameFor, isCsvLike, uploadFileName } from './upload-files.ts';
import {
  initialUpload,
  isFinished,
  lineOf,
  type UploadEvent,
  type UploadFailure,
  type UploadState,
  uploadReducer,
} from './upload-state.ts';
import { isAbortError, makeXhrTransport, type UploadRequest, type UploadTransport } from './xhr-upload.ts';

export interface UploadsOptions {
  transport?: UploadTransport;
  /** Null: no local preview (e.g. where no worker can start). */
  profiler?: PreviewProfiler | null;
  /** Called once per stored dataset, after its state says `done`. */
  onUploaded?(record: DatasetRecord, upload: UploadState): void;
}

export interface StartOptions {
  /** Attach the new dataset to this pipeline at once (`?pipeline=`). */
  pipelineId?: string;
  /** Defaults to the file name without its extension. */
  name?: string;
}

export interface Uploads {
  /** Newest first. */
  items: Accessor<readonly UploadState[]>;
  /** Starts one upload and returns its id. */
  start(file: File, options?: StartOptions): string;
  cancel(id: string): void;
  /** Forgets a finished upload (its card goes away). */
  dismiss(id: string): void;
  /** Whether any upload is still sending or waiting for the server. */
  busy: Accessor<boolean>;
}

let nextUploadId = 1;

function failureOf(error: unknown): UploadFailure {
  if (error instanceof ApiRequestError) {
    return { status: error.status, code: error.code, message: error.message, line: lineOf(error.message) };
  }
  const message = error instanceof Error && error.message ? error.message : 'The upload failed.';
  return { status: 0, code: 'upload_failed', message, line: lineOf(message) };
}

export function notCsvFailure(fileName: string): UploadFailure {
  return {
    status: 0,
    code: 'not_csv',
    message: `“${fileName}” is not a CSV file. Upload comma-, semicolon- or tab-separated text (.csv, .tsv, .txt).`,
    line: null,
  };
}

export function createUploads(options: UploadsOptions = {}): Uploads {
  const transport = options.transport ?? makeXhrTransport();
  const profiler = options.profiler === undefined ? makeWorkerProfiler() : options.profiler;
  const [items, setItems] = createSignal<readonly UploadState[]>([]);
  const running = new Map<string, { request: UploadRequest | null; preview: PreviewRun | null }>();

  const get = (id: string) => items().find((item) => item.id === id);
  const dispatch = (id: string, event: UploadEvent) => {
    setItems((list) => list.map((item) => (item.id === id ? uploadReducer(item, event) : item)));
  };
  const stopPreview = (id: string) => {
    running.get(id)?.preview?.cancel();
    dispatch(id, { type: 'preview-stopped' });
  };
  const finish = (id: string) => {
    stopPreview(id);
    running.delete(id);
  };

  const start = (file: File, startOptions: StartOptions = {}): string => {
    const id = `upload-${nextUploadId++}`;
    const fileName = uploadFileName(file.name);
    const state = initialUpload({
      id,
      name: startOptions.name ?? datasetNameFor(fileName),
      fileName,
      size: file.size,
      pipelineId: startOptions.pipelineId,
    });
    setItems((list) => [state, ...list]);

    if (!isCsvLike(file)) {
      dispatch(id, { type: 'failed', error: notCsvFailure(fileName) });
      dispatch(id, { type: 'preview-stopped' });
      return id;
    }

    const entry: { request: UploadRequest | null; preview: PreviewRun | null } = {
      request: null,
      preview: null,
    };
    running.set(id, entry);

    if (profiler) {
      try {
        entry.preview = profiler(file, ({ bytesDone, bytesTotal }) =>
          dispatch(id, { type: 'preview-progress', done: bytesDone, total: bytesTotal }),
        );
        entry.preview.promise.then(
          (result) =>
            dispatch(
              id,
              result.ok
                ? { type: 'preview-ready', profile: result.profile }
                : { type: 'preview-failed', error: result.error },
            ),
          () => dispatch(id, { type: 'preview-stopped' }),
        );
      } catch {
        dispatch(id, { type: 'preview-stopped' });
      }
    } else {
      dispatch(id, { type: 'preview-stopped' });
    }

    entry.request = transport(
      file,
      { name: state.name, fileName, pipeline: startOptions.pipelineId },
      ({ sent, total }) => dispatch(id, { type: 'progress', sent, total }),
    );
    entry.request.promise.then(
      (record) => {
        dispatch(id, { type: 'uploaded', record });
        finish(id);
        const done = get(id);
        if (done) options.onUploaded?.(record, done);
      },
      (error: unknown) => {
        dispatch(
          id,
          isAbortError(error) ? { type: 'cancelled' } : { type: 'failed', error: failureOf(error) },
        );
        // The server refused the file: a preview would only repeat (or contradict) its answer.
        finish(id);
      },
    );
    return id;
  };

  const cancel = (id: string) => {
    const entry = running.get(id);
    if (!entry) return;
    dispatch(id, { type: 'cancelled' });
    entry.request?.abort();
    finish(id);
  };

  onCleanup(() => {
    for (const id of [...running.keys()]) cancel(id);
  });

  return {
    items,
    start,
    cancel,
    dismiss(id) {
      const item = get(id);
      if (item && !isFinished(item)) return;
      setItems((list) => list.filter((entry) => entry.id !== id));
    },
    busy: () => items().some((item) => !isFinished(item)),
  };
}
