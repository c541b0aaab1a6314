/**
 * Profiling an upload in a worker thread (profile-worker.ts) instead of on the event loop: the
 * same `profileStream`, the same result, but a 200 MB upload's decoding, parsing and profiling
 * (seconds of CPU, and the garbage they make) no longer stall every other request and
 * collaborator on the server meanwhile.
 *
 * `profileInWorker(chunks)` consumes `chunks` as `profileStream` would: it takes one chunk at a
 * time, stops taking them once the profile has an answer (a CSV error), and rejects with the
 * iterable's own error when that fails. Chunks are gathered into batches of up to BATCH_BYTES
 * in one reused buffer and posted to the worker (postMessage copies them out; the originals go on
 * to storage); at most MAX_IN_FLIGHT batches wait there, so memory stays bounded (about 1 MB per
 * upload) and a slow profile holds back the reading of the request, as before. A CSV error is
 * thus noticed up to that much further into the body than when the profiler ran inline; the
 * answer (422 and its line) is the same.
 *
 * Workers: one per upload in progress; one idle worker is kept (unreferenced, so it never holds
 * the process open) for the next upload. A worker whose upload did not end cleanly is terminated.
 */
import { Worker } from 'node:worker_threads';
import type { ProfileResult } from '../../shared/datasets/profile-stream.ts';
import type { FromProfileWorker, ToProfileWorker } from './profile-worker.ts';

/** Request chunks (64 KB from a socket) are sent to the worker in batches of about this size. */
const BATCH_BYTES = 256 * 1024;
/** Batches posted to the worker and not yet profiled, at most. */
const MAX_IN_FLIGHT = 2;
/** Idle workers kept for the next uploads. */
const MAX_IDLE = 1;

const WORKER_URL = new URL('./profile-worker.ts', import.meta.url);

const idle: Worker[] = [];
let sessions = 0;

function acquire(): Worker {
  let worker = idle.pop();
  if (!worker) {
    worker = new Worker(WORKER_URL);
    const spawned = worker;
    // An idle worker that stops (it should not) must not be handed out again.
    spawned.once('exit', () => forget(spawned));
  }
  worker.ref();
  return worker;
}

function release(worker: Worker): void {
  if (idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/** A worker that stopped on its own leaves the idle list. */
function forget(worker: Worker): void {
  const at = idle.indexOf(worker);
  if (at >= 0) idle.splice(at, 1);
}

export async function profileInWorker(chunks: AsyncIterable<Uint8Array>): Promise<ProfileResult> {
  const worker = acquire();
  const session = ++sessions;
  let inFlight = 0;
  let outcome: { result: ProfileResult } | { error: Error } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const changed = () => new Promise<void>((resolve) => (wake = resolve));

  const onMessage = (message: FromProfileWorker) => {
    if (message.session !== session) return;
    if (message.type === 'took') {
      inFlight--;
    } else if (message.type === 'result') {
      outcome ??= { result: message.result };
    } else {
      const error = new Error(`profiling worker: ${message.message}`);
      if (message.stack) error.stack = message.stack;
      outcome ??= { error };
    }
    notify();
  };
  const onError = (error: Error) => {
    outcome ??= { error };
    notify();
  };
  const onExit = (code: number) => {
    forget(worker);
    outcome ??= { error: new Error(`profiling worker stopped (exit code ${code})`) };
    notify();
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  const detach = () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
  };
  const post = (message: ToProfileWorker, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer);

  post({ type: 'start', session });
  // Chunks are gathered here, and each batch is copied out by postMessage's structured clone.
  // Reusing one buffer keeps the event loop's isolate from allocating 200 MB of ArrayBuffers per
  // upload (each a GC trigger, as external memory) on top of the request's own.
  const staging = new Uint8Array(BATCH_BYTES);
  let staged = 0;
  const send = async (bytes: Uint8Array, transfer?: ArrayBuffer[]) => {
    while (inFlight >= MAX_IN_FLIGHT && outcome === null) await changed();
    if (outcome !== null) return;
    post({ type: 'chunk', session, bytes }, transfer);
    inFlight++;
  };
  const sendStaged = async () => {
    if (staged === 0) return;
    await send(staging.subarray(0, staged));
    staged = 0;
  };
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (outcome !== null) {
        // Answered early (a CSV error, or the worker failed): take no more chunks.
        await iterator.return?.();
        break;
      }
      const next = await iterator.next();
      if (next.done) {
        await sendStaged();
        if (outcome === null) post({ type: 'end', session });
        while (outcome === null) await changed();
        break;
      }
      const chunk = next.value;
      if (staged + chunk.byteLength > BATCH_BYTES) await sendStaged();
      if (chunk.byteLength >= BATCH_BYTES) {
        // Too big to stage: a copy of its own, transferred (the chunk may be a view into a larger
        // buffer, and storage still needs it).
        const copy = new Uint8Array(chunk);
        await send(copy, [copy.buffer]);
      } else {
        staging.set(chunk, staged);
        staged += chunk.byteLength;
      }
    }
  } catch (error) {
    // The chunks failed (the upload was abandoned): stop the worker where it is.
    detach();
    void worker.terminate();
    throw error;
  }
  detach();
  const settled = outcome as { result: ProfileResult } | { error: Error };
  if ('error' in settled) {
    void worker.terminate();
    throw settled.error;
  }
  release(worker);
  return settled.result;
}
