/**
 * The worker thread that profiles uploads (see profile-worker-client.ts, which starts it): it runs
 * the same `profileStream` as before, over chunks that arrive as messages, so decoding, CSV parsing
 * and profiling (and their garbage) stay off the server's event loop.
 *
 * Protocol, one upload ("session") at a time, every message tagged with its session:
 * - in: `start`, then `chunk` (bytes, transferred) any number of times, then `end`;
 * - out: `took` after each chunk has been profiled (the client's backpressure), then exactly one
 *   `result` (the ProfileResult: a CsvError is a result, not a failure) or `failed` (anything
 *   thrown that is not a CSV error). Messages of a session that has ended are ignored.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type ProfileResult, profileStream } from '../../shared/datasets/profile-stream.ts';

export type ToProfileWorker =
  | { type: 'start'; session: number }
  | { type: 'chunk'; session: number; bytes: Uint8Array }
  | { type: 'end'; session: number };

export type FromProfileWorker =
  | { type: 'took'; session: number }
  | { type: 'result'; session: number; result: ProfileResult }
  | { type: 'failed'; session: number; message: string; stack?: string };

interface Session {
  id: number;
  /** Chunks received and not yet handed to the profiler; `null` marks the end. */
  queue: (Uint8Array | null)[];
  wake: (() => void) | null;
}

const port = parentPort;
if (!port) throw new Error('profile-worker.ts runs as a worker thread');

/**
 * Nice value of this thread: when the CPUs are busy, the event loop (nice 0) is scheduled before
 * the profiling, so requests and collaborators keep their latency while an upload is profiled
 * (the upload is what waits). Linux only: there, a thread's id from /proc/thread-self can be given
 * to setpriority; elsewhere the worker keeps the process's priority.
 */
const WORKER_NICE = 10;
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, WORKER_NICE);
} catch {
  // Not Linux, or not allowed: same priority as the event loop.
}

let current: Session | null = null;

const post = (message: FromProfileWorker) => port.postMessage(message);

async function* chunksOf(session: Session): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (session.queue.length === 0) await new Promise<void>((resolve) => (session.wake = resolve));
    const chunk = session.queue.shift()!;
    if (chunk === null) return;
    yield chunk;
    // Back here once the profiler asks for the next chunk: this one is done.
    post({ type: 'took', session: session.id });
  }
}

async function run(session: Session): Promise<void> {
  try {
    const result = await profileStream(chunksOf(session));
    post({ type: 'result', session: session.id, result });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({ type: 'failed', session: session.id, message: failure.message, stack: failure.stack });
  } finally {
    if (current === session) current = null;
  }
}

port.on('message', (message: ToProfileWorker) => {
  if (message.type === 'start') {
    current = { id: message.session, queue: [], wake: null };
    void run(current);
    return;
  }
  const session = current;
  if (!session || session.id !== message.session) return; // a session that already ended
  session.queue.push(message.type === 'chunk' ? message.bytes : null);
  const wake = session.wake;
  session.wake = null;
  wake?.();
});
