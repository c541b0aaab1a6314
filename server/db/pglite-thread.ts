/**
 * Embedded PGlite on its own thread, behind the part of PGlite's interface the server uses
 * (drizzle's PGlite driver and pg-boss's `fromPglite` adapter): `query`, `exec`, `transaction`,
 * `listen`, `dumpDataDir`, `close`.
 *
 * Why a thread: PGlite runs every statement synchronously on the thread that owns it. In the
 * server's main thread that meant each update-log insert, snapshot and run-queue statement held up
 * the relay of collaborators' edits for its whole duration (the sync benchmark's p99 was set by
 * those stalls). On its own thread the database works while the main thread keeps relaying.
 *
 * What does not cross threads: functions. Per-query `parsers` are taken to mean "leave values of
 * these types as the text PostgreSQL sent" — the only per-query parsers passed here are drizzle's,
 * which do exactly that for dates, timestamps and intervals. The bytea codec is set up in the
 * worker itself. Per-query `serializers`, `blob` and `onNotice` are refused rather than ignored.
 */
import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import {
  deserializeError,
  type PgliteMessage,
  type PgliteRequest,
  type PgliteWorkerData,
} from './pglite-protocol.ts';

type Request = PgliteRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface PgliteStatements {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(text: string, options?: QueryOptions): Promise<Results[]>;
}

export interface PgliteThreadTransaction extends PgliteStatements {
  /** Rolls the transaction back when its callback returns (PGlite's `tx.rollback()`). */
  rollback(): Promise<void>;
  readonly closed: boolean;
}

export interface PgliteThread extends PgliteStatements {
  readonly waitReady: Promise<void>;
  /** Settles with the reason if the thread stops without being closed (it never settles otherwise). */
  readonly lost: Promise<Error>;
  transaction<T>(callback: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(compression?: 'none'): Promise<Blob>;
  close(): Promise<void>;
}

const workerUrl = new URL('./pglite-worker.ts', import.meta.url);

export function startPgliteThread(options: PgliteWorkerData): PgliteThread {
  const transfer = options.snapshot ? [options.snapshot] : [];
  const worker = new Worker(workerUrl, { workerData: options, transferList: transfer });
  // Referenced only while it starts and while a call is in flight: like PGlite in the main thread,
  // an idle database alone does not keep the process running (a forgotten close must not hang a
  // test run).
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<number, (payload: string) => void>();
  let nextId = 1;
  /** Set once the thread is gone: every later call fails with it. */
  let stopped: Error | undefined;
  let closing = false;
  let ready = false;
  let holding = true; // a new worker is referenced
  // Called on every call and reply: touches the handle only when the answer changes.
  const holdProcessWhileBusy = () => {
    const hold = !ready || pending.size > 0;
    if (hold === holding) return;
    holding = hold;
    if (hold) worker.ref();
    else worker.unref();
  };

  let markReady!: () => void;
  let failReady!: (error: Error) => void;
  const waitReady = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  waitReady.catch(() => {}); // observed by whoever awaits it; never an unhandled rejection here

  let markLost!: (error: Error) => void;
  const lost = new Promise<Error>((resolve) => {
    markLost = resolve;
  });
  const stop = (error: Error) => {
    if (!stopped && !closing) markLost(error);
    stopped ??= error;
    failReady(stopped);
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
  };

  worker.on('message', (message: PgliteMessage) => {
    if (message.op === 'ready') {
      ready = true;
      holdProcessWhileBusy();
      return markReady();
    }
    if (message.op === 'failed') return stop(deserializeError(message.error));
    if (message.op === 'notify') return listeners.get(message.listener)?.(message.payload);
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    holdProcessWhileBusy();
    if (message.ok) call.resolve(message.result);
    else call.reject(deserializeError(message.error));
  });
  worker.on('error', (error) =>
    stop(new Error(`the embedded database stopped: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => {
    stop(
      new Error(
        closing ? 'the embedded database is closed' : `the embedded database stopped (exit code ${code})`,
      ),
    );
  });

  const call = <T>(request: Request): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      holdProcessWhileBusy();
      worker.postMessage({ ...request, id });
    });
  };

  const statements = (tx?: number): PgliteStatements => ({
    query: async <T>(text: string, params?: unknown[], queryOptions?: QueryOptions) =>
      call<Results<T>>({
        op: 'query',
        text,
        ...(params ? { params } : {}),
        ...crossableOptions(queryOptions),
        ...(tx ? { tx } : {}),
      }),
    exec: async (text: string, execOptions?: QueryOptions) => {
      if (execOptions && Object.keys(execOptions).length > 0) {
        throw new Error('exec options are not supported on the database thread');
      }
      return call<Results[]>({ op: 'exec', text, ...(tx ? { tx } : {}) });
    },
  });

  return {
    waitReady,
    lost,
    ...statements(),
    async transaction<T>(callback: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
      const id = await call<number>({ op: 'begin' });
      let rolledBack = false;
      let closed = false;
      const tx: PgliteThreadTransaction = {
        ...statements(id),
        async rollback() {
          rolledBack = true;
        },
        get closed() {
          return closed;
        },
      };
      let result: T;
      try {
        result = await callback(tx);
      } catch (error) {
        closed = true;
        await call({ op: 'end', tx: id, commit: false }).catch(() => {});
        throw error;
      }
      closed = true;
      await call({ op: 'end', tx: id, commit: !rolledBack });
      return result;
    },
    async listen(channel, callback) {
      const listener = await call<number>({ op: 'listen', channel });
      listeners.set(listener, callback);
      return async () => {
        listeners.delete(listener);
        await call({ op: 'unlisten', listener });
      };
    },
    async dumpDataDir() {
      return new Blob([await call<ArrayBuffer>({ op: 'dump' })]);
    },
    async close() {
      if (stopped) return;
      closing = true;
      try {
        await call({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}

function crossableOptions(options: QueryOptions | undefined) {
  if (!options) return {};
  const { rowMode, parsers, paramTypes, ...rest } = options;
  const refused = Object.keys(rest).filter((key) => rest[key as keyof typeof rest] !== undefined);
  if (refused.length > 0)
    throw new Error(`query options not supported on the database thread: ${refused.join(', ')}`);
  return {
    ...(rowMode ? { rowMode } : {}),
    ...(parsers ? { rawTypes: Object.keys(parsers).map(Number) } : {}),
    ...(paramTypes ? { paramTypes } : {}),
  };
}
