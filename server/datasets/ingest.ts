/**
 * Receiving an uploaded CSV: the request body is read once, chunk by chunk, counted against the
 * size limit and hashed, and each chunk goes both to the blob store and to the streaming profiler
 * (shared/datasets `profileStream`, the same code the browser worker runs, in a worker thread:
 * profile-worker-client.ts). Nothing holds the whole file, so memory stays flat whatever the
 * upload's size, and the event loop only reads, hashes and stores.
 *
 * Nothing is half-stored: whenever the result is not `ok` (too large, unreadable CSV) or the
 * body breaks off, the blob is deleted before this returns. The caller writes the database row
 * only after an `ok`, and deletes the blob itself if that write fails.
 */
import { createHash } from 'node:crypto';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { createChunkChannel } from './chunk-channel.ts';
import { profileInWorker } from './profile-worker-client.ts';

export type IngestResult =
  | { ok: true; sizeBytes: number; sha256: string; profile: DatasetProfile }
  | { ok: false; problem: 'too_large' }
  | { ok: false; problem: 'csv_invalid'; message: string; line: number };

/** The request body broke off (client gone, connection reset) before its end. */
export class UploadInterrupted extends Error {
  constructor(cause: unknown) {
    super('the upload was interrupted', { cause });
    this.name = 'UploadInterrupted';
  }
}

/** Why the storage side was told to give up: never reaches a caller, only the blob store. */
class UploadAbandoned extends Error {}

export async function ingestDataset(
  blobs: BlobStore,
  key: string,
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<IngestResult> {
  const toProfiler = createChunkChannel();
  const toStore = createChunkChannel();
  const profiling = profileInWorker(toProfiler);
  const storing = blobs.put(key, toStore);
  // Both are awaited below; these keep an early failure from counting as unhandled meanwhile.
  profiling.catch(() => {});
  storing.catch(() => {});

  const hash = createHash('sha256');
  let size = 0;
  let tooLarge = false;
  try {
    const reader = body?.getReader();
    for (;;) {
      const read = reader ? await readChunk(reader) : { done: true as const };
      if (read.done) break;
      const chunk = read.value;
      size += chunk.byteLength;
      if (size > maxBytes) {
        tooLarge = true;
        await reader?.cancel().catch(() => {});
        break;
      }
      hash.update(chunk);
      const [profilerTook, storeTook] = await Promise.all([toProfiler.push(chunk), toStore.push(chunk)]);
      // The profiler stops at the first CSV error, the store on a write error: read no further.
      if (!profilerTook || !storeTook) {
        await reader?.cancel().catch(() => {});
        break;
      }
    }
  } catch (error) {
    await abandon(error);
    throw error;
  }

  if (tooLarge) {
    await abandon(new UploadAbandoned('too large'));
    return { ok: false, problem: 'too_large' };
  }
  toProfiler.end();
  const profiled = await profiling.catch(async (error: unknown) => {
    await abandon(error);
    throw error;
  });
  if (!profiled.ok) {
    await abandon(new UploadAbandoned('csv invalid'));
    return { ok: false, problem: 'csv_invalid', message: profiled.error.message, line: profiled.error.line };
  }
  if (profiled.profile.rows === 0) {
    await abandon(new UploadAbandoned('no rows'));
    const columns = profiled.profile.columns.length;
    return {
      ok: false,
      problem: 'csv_invalid',
      message: `the file has a header (${columns} column${columns === 1 ? '' : 's'}) but no rows of data.`,
      line: 0,
    };
  }
  toStore.end();
  try {
    await storing;
  } catch (error) {
    await abandon(error);
    throw error;
  }
  return { ok: true, sizeBytes: size, sha256: hash.digest('hex'), profile: profiled.profile };

  /** Stops both consumers, waits for them to let go, and removes whatever reached storage. */
  async function abandon(reason: unknown): Promise<void> {
    toProfiler.fail(reason);
    toStore.fail(reason);
    await Promise.allSettled([profiling, storing]);
    await blobs.delete(key);
  }
}

async function readChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    throw new UploadInterrupted(error);
  }
}
