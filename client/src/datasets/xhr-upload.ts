/**
 * `POST /api/datasets?name=&fileName=[&pipeline=]` with the raw file as the body, through
 * XMLHttpRequest: fetch cannot report how many bytes of a request body went out, and a person
 * waiting on a 50 MB upload deserves a real progress bar and a Cancel that stops the transfer.
 *
 * Failures become the client's one error type (ApiRequestError), so a 413 or a 422 reads like any
 * other API error; Cancel rejects with an AbortError DOMException, as fetch does.
 */
import type { DatasetRecord, DatasetUploadQuery } from '../../../shared/api/datasets.ts';
import { ApiRequestError, makeNetworkError, readErrorResponse } from '../api/errors.ts';
import { makeQueryString } from '../api/http.ts';

export interface UploadProgress {
  /** Request body bytes sent so far. */
  sent: number;
  total: number;
}

export interface UploadRequest {
  /** The stored dataset (201), or an ApiRequestError / AbortError. */
  promise: Promise<DatasetRecord>;
  abort(): void;
}

/** Starts an upload; the default sends it with XMLHttpRequest, tests pass a fake. */
export type UploadTransport = (
  file: Blob,
  query: DatasetUploadQuery,
  onProgress: (progress: UploadProgress) => void,
) => UploadRequest;

export function uploadUrl(query: DatasetUploadQuery): string {
  return `/api/datasets${makeQueryString({ name: query.name, fileName: query.fileName, pipeline: query.pipeline })}`;
}

/** A body a person can read: browsers label CSV files inconsistently, and the server reads bytes. */
const CONTENT_TYPE = 'text/csv';

export function makeXhrTransport(
  createXhr: () => XMLHttpRequest = () => new XMLHttpRequest(),
): UploadTransport {
  return (file, query, onProgress) => {
    const xhr = createXhr();
    const promise = new Promise<DatasetRecord>((resolve, reject) => {
      xhr.open('POST', uploadUrl(query));
      xhr.withCredentials = true;
      xhr.responseType = 'text';
      xhr.setRequestHeader('content-type', CONTENT_TYPE);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.addEventListener('progress', (event) => {
        onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
      });
      xhr.addEventListener('load', () => {
        void settle(xhr, file).then(resolve, reject);
      });
      xhr.addEventListener('error', () => reject(makeNetworkError()));
      xhr.addEventListener('timeout', () => reject(makeNetworkError()));
      xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled', 'AbortError')));
      xhr.send(file);
    });
    return { promise, abort: () => xhr.abort() };
  };
}

async function settle(xhr: XMLHttpRequest, file: Blob): Promise<DatasetRecord> {
  const text = typeof xhr.response === 'string' ? xhr.response : xhr.responseText;
  if (xhr.status === 0) throw makeNetworkError();
  if (xhr.status < 200 || xhr.status >= 300) {
    // Reuse the fetch path's reading of error bodies: one shape for every API failure.
    throw await readErrorResponse(
      new Response(text || null, { status: xhr.status, statusText: xhr.statusText }),
    );
  }
  try {
    return JSON.parse(text) as DatasetRecord;
  } catch {
    throw new ApiRequestError(
      xhr.status,
      'bad_response',
      `The server stored ${file instanceof File ? file.name : 'the file'} but sent an answer the app cannot read.`,
    );
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
