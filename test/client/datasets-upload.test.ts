/**
 * Uploads (client/src/datasets): the state machine, the reactive uploads driven by a fake
 * transport and a fake preview profiler, and the XMLHttpRequest transport against a fake XHR.
 */
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../client/src/api/errors.ts';
import { createUploads } from '../../client/src/datasets/create-uploads.ts';
import type { PreviewProfiler } from '../../client/src/datasets/preview-profiler.ts';
import { datasetNameFor, isCsvLike, uploadFileName } from '../../client/src/datasets/upload-files.ts';
import {
  initialUpload,
  lineOf,
  shownProfile,
  type UploadState,
  uploadFraction,
  uploadReducer,
} from '../../client/src/datasets/upload-state.ts';
import {
  isAbortError,
  makeXhrTransport,
  type UploadProgress,
  type UploadTransport,
  uploadUrl,
} from '../../client/src/datasets/xhr-upload.ts';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/index.ts';
import { PROFILE_VERSION } from '../../shared/datasets/profile/index.ts';
import type { ProfileFileResult } from '../../workers/dataset-api.ts';

function profile(rows: number, target = 'species'): DatasetProfile {
  return {
    version: PROFILE_VERSION,
    rows,
    columns: [],
    delimiter: ',',
    encoding: 'utf-8',
    duplicateRows: { count: 0, exact: true },
    target: { column: target, task: 'classification', reason: 'name', confidence: 0.8 },
    warnings: [],
  };
}

function record(fields: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    id: 'd1',
    name: 'penguins',
    fileName: 'penguins.csv',
    sizeBytes: 1000,
    rows: 344,
    columns: 7,
    owner: { id: 'u1', username: 'alice' },
    access: 'owner',
    pipelines: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    profile: profile(344),
    ...fields,
  };
}

const start = () => initialUpload({ id: 'u', name: 'penguins', fileName: 'penguins.csv', size: 1000 });

describe('uploadReducer', () => {
  it('counts bytes up to the total, then waits for the server, then is done with its record', () => {
    let state = start();
    expect(state.phase).toBe('uploading');
    expect(state.preview).toEqual({ status: 'profiling', done: 0, total: 1000 });
    state = uploadReducer(state, { type: 'progress', sent: 400, total: 1000 });
    expect(uploadFraction(state)).toBe(0.4);
    // Progress never goes backwards (late, reordered events).
    state = uploadReducer(state, { type: 'progress', sent: 300, total: 1000 });
    expect(state.sent).toBe(400);
    state = uploadReducer(state, { type: 'progress', sent: 1000, total: 1000 });
    expect(state.phase).toBe('processing');
    state = uploadReducer(state, { type: 'uploaded', record: record() });
    expect(state.phase).toBe('done');
    expect(uploadFraction(state)).toBe(1);
    // The preview was still running: it is no longer needed.
    expect(state.preview.status).toBe('stopped');
  });

  it('shows the preview while uploading, and the server profile once stored', () => {
    let state = start();
    expect(shownProfile(state)).toBeNull();
    state = uploadReducer(state, { type: 'preview-progress', done: 500, total: 1000 });
    state = uploadReducer(state, { type: 'preview-ready', profile: profile(340) });
    expect(shownProfile(state)).toEqual({ profile: profile(340), preview: true });
    state = uploadReducer(state, { type: 'uploaded', record: record() });
    expect(shownProfile(state)).toEqual({ profile: profile(344), preview: false });
  });

  it('ignores everything after a cancel or a failure', () => {
    let state = uploadReducer(start(), { type: 'cancelled' });
    expect(state.phase).toBe('cancelled');
    expect(state.preview.status).toBe('stopped');
    const frozen = state;
    state = uploadReducer(state, { type: 'progress', sent: 900, total: 1000 });
    state = uploadReducer(state, { type: 'uploaded', record: record() });
    state = uploadReducer(state, { type: 'preview-ready', profile: profile(1) });
    expect(state).toBe(frozen);

    const failure = { status: 422, code: 'csv_invalid', message: 'Line 7: ragged row', line: 7 };
    const failed = uploadReducer(start(), { type: 'failed', error: failure });
    expect(failed.error).toEqual(failure);
    expect(uploadReducer(failed, { type: 'uploaded', record: record() })).toBe(failed);
  });

  it('reads the line a server message names', () => {
    expect(lineOf('The file cannot be read as CSV. Line 12: expected 7 fields, found 8')).toBe(12);
    expect(lineOf('The file is larger than the 200 MB limit for datasets')).toBeNull();
  });
});

describe('file names', () => {
  it('names a dataset after its file and keeps only CSV-like files', () => {
    expect(datasetNameFor('penguins.csv')).toBe('penguins');
    expect(datasetNameFor('.csv')).toBe('.csv');
    expect(uploadFileName('C:\\data\\tips.csv')).toBe('tips.csv');
    expect(isCsvLike({ name: 'a.tsv', type: '' })).toBe(true);
    expect(isCsvLike({ name: 'notes', type: 'text/csv' })).toBe(true);
    expect(isCsvLike({ name: 'photo.png', type: 'image/png' })).toBe(false);
  });
});

/** A transport and a profiler the test drives by hand. */
function fakes() {
  const requests: {
    query: { name: string; fileName: string; pipeline?: string };
    progress(p: UploadProgress): void;
    resolve(r: DatasetRecord): void;
    reject(e: unknown): void;
    aborted: boolean;
  }[] = [];
  const transport: UploadTransport = (_file, query, onProgress) => {
    let resolve!: (r: DatasetRecord) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<DatasetRecord>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry = {
      query: query as { name: string; fileName: string; pipeline?: string },
      progress: onProgress,
      resolve,
      reject,
      aborted: false,
    };
    requests.push(entry);
    return {
      promise,
      abort() {
        entry.aborted = true;
        reject(new DOMException('cancelled', 'AbortError'));
      },
    };
  };
  const previews: { progress(done: number): void; finish(r: ProfileFileResult): void; cancelled: boolean }[] =
    [];
  const profiler: PreviewProfiler = (file, onProgress) => {
    let finish!: (r: ProfileFileResult) => void;
    let fail!: (e: unknown) => void;
    const promise = new Promise<ProfileFileResult>((res, rej) => {
      finish = res;
      fail = rej;
    });
    const entry = {
      progress: (done: number) => onProgress({ bytesDone: done, bytesTotal: file.size }),
      finish,
      cancelled: false,
    };
    previews.push(entry);
    return {
      promise,
      cancel() {
        entry.cancelled = true;
        fail(new DOMException('cancelled', 'AbortError'));
      },
    };
  };
  return { requests, previews, transport, profiler };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const csv = (name = 'penguins.csv', size = 1000) => new File(['x'.repeat(size)], name, { type: 'text/csv' });

describe('createUploads', () => {
  it('uploads and profiles in parallel; the stored record ends both', async () => {
    const { requests, previews, transport, profiler } = fakes();
    const done: UploadState[] = [];
    await createRoot(async (dispose) => {
      const uploads = createUploads({ transport, profiler, onUploaded: (_r, u) => done.push(u) });
      const id = uploads.start(csv(), { pipelineId: 'p1' });
      const item = () => uploads.items().find((u) => u.id === id)!;
      expect(requests[0]!.query).toEqual({ name: 'penguins', fileName: 'penguins.csv', pipeline: 'p1' });
      expect(uploads.busy()).toBe(true);

      requests[0]!.progress({ sent: 250, total: 1000 });
      previews[0]!.progress(600);
      expect(item().sent).toBe(250);
      expect(item().preview).toEqual({ status: 'profiling', done: 600, total: 1000 });

      previews[0]!.finish({ ok: true, profile: profile(340), suggestions: [] });
      await tick();
      expect(shownProfile(item())).toEqual({ profile: profile(340), preview: true });

      requests[0]!.progress({ sent: 1000, total: 1000 });
      expect(item().phase).toBe('processing');
      requests[0]!.resolve(record());
      await tick();
      expect(item().phase).toBe('done');
      expect(shownProfile(item())?.preview).toBe(false);
      expect(done.map((u) => u.id)).toEqual([id]);
      expect(uploads.busy()).toBe(false);
      uploads.dismiss(id);
      expect(uploads.items()).toEqual([]);
      dispose();
    });
  });

  it('Cancel aborts the request and stops the worker; nothing late changes the card', async () => {
    const { requests, previews, transport, profiler } = fakes();
    await createRoot(async (dispose) => {
      const uploads = createUploads({ transport, profiler });
      const id = uploads.start(csv());
      requests[0]!.progress({ sent: 100, total: 1000 });
      uploads.cancel(id);
      expect(requests[0]!.aborted).toBe(true);
      expect(previews[0]!.cancelled).toBe(true);
      await tick();
      const item = uploads.items()[0]!;
      expect(item.phase).toBe('cancelled');
      requests[0]!.progress({ sent: 900, total: 1000 });
      expect(uploads.items()[0]).toBe(item);
      dispose();
    });
  });

  it('shows the server’s error (with the line) and never calls onUploaded', async () => {
    const { requests, transport, profiler } = fakes();
    let stored = 0;
    await createRoot(async (dispose) => {
      const uploads = createUploads({ transport, profiler, onUploaded: () => stored++ });
      uploads.start(csv('bad.csv'));
      requests[0]!.reject(
        new ApiRequestError(
          422,
          'csv_invalid',
          'The file cannot be read as CSV. Line 3: expected 2 fields, found 3',
        ),
      );
      await tick();
      const item = uploads.items()[0]!;
      expect(item.phase).toBe('failed');
      expect(item.error).toMatchObject({ status: 422, code: 'csv_invalid', line: 3 });
      expect(item.preview.status).toBe('stopped');
      expect(stored).toBe(0);
      dispose();
    });
  });

  it('refuses a file that is not CSV without sending it', () => {
    const { requests, transport, profiler } = fakes();
    createRoot((dispose) => {
      const uploads = createUploads({ transport, profiler });
      uploads.start(new File(['png'], 'photo.png', { type: 'image/png' }));
      expect(requests).toHaveLength(0);
      expect(uploads.items()[0]).toMatchObject({ phase: 'failed', error: { code: 'not_csv' } });
      dispose();
    });
  });

  it('cancels what is still running when its owner goes away', () => {
    const { requests, transport, profiler } = fakes();
    createRoot((dispose) => {
      const uploads = createUploads({ transport, profiler });
      uploads.start(csv());
      dispose();
    });
    expect(requests[0]!.aborted).toBe(true);
  });
});

/** Enough of XMLHttpRequest for the transport: events, status, response text. */
class FakeXhr {
  static last: FakeXhr | undefined;
  readonly upload = new EventTarget();
  private readonly events = new EventTarget();
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  statusText = '';
  response = '';
  responseText = '';
  responseType = '';
  withCredentials = false;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.events.dispatchEvent(new Event('abort'));
  }
  addEventListener(type: string, listener: EventListener) {
    this.events.addEventListener(type, listener);
  }
  progress(loaded: number, total: number) {
    const event = Object.assign(new Event('progress'), { loaded, total, lengthComputable: true });
    this.upload.dispatchEvent(event);
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.response = this.responseText = JSON.stringify(body);
    this.events.dispatchEvent(new Event('load'));
  }
}

describe('makeXhrTransport', () => {
  const transport = makeXhrTransport(() => new FakeXhr() as unknown as XMLHttpRequest);
  const file = csv('penguins.csv', 13_000);

  it('POSTs the raw file with the query, reports bytes sent and resolves with the record', async () => {
    const seen: UploadProgress[] = [];
    const request = transport(file, { name: 'penguins', fileName: 'penguins.csv', pipeline: 'p1' }, (p) =>
      seen.push(p),
    );
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(uploadUrl({ name: 'penguins', fileName: 'penguins.csv', pipeline: 'p1' }));
    expect(xhr.url).toBe('/api/datasets?name=penguins&fileName=penguins.csv&pipeline=p1');
    expect(xhr.headers['content-type']).toBe('text/csv');
    expect(xhr.body).toBe(file);
    xhr.progress(6_500, 13_000);
    expect(seen).toEqual([{ sent: 6_500, total: 13_000 }]);
    xhr.answer(201, record());
    await expect(request.promise).resolves.toMatchObject({ id: 'd1', rows: 344 });
  });

  it('turns 413 and 422 answers into ApiRequestError with the server’s message', async () => {
    const big = transport(file, { name: 'big', fileName: 'big.csv' }, () => {});
    FakeXhr.last!.answer(413, {
      error: { code: 'payload_too_large', message: 'The file is larger than the 1 KB limit' },
    });
    const error = await big.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });

    const ragged = transport(file, { name: 'r', fileName: 'r.csv' }, () => {});
    FakeXhr.last!.answer(422, { error: { code: 'csv_invalid', message: 'Line 4: expected 2 fields' } });
    await expect(ragged.promise).rejects.toMatchObject({ status: 422, message: 'Line 4: expected 2 fields' });
  });

  it('abort() rejects with an AbortError', async () => {
    const request = transport(file, { name: 'a', fileName: 'a.csv' }, () => {});
    request.abort();
    const error = await request.promise.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });
});
