/**
 * Messages between the server's main thread and the thread that runs embedded PGlite
 * (pglite-thread.ts on the main side, pglite-worker.ts on the other). Everything here must survive
 * structured cloning: no functions, and errors travel as plain objects.
 */

export interface PgliteWorkerData {
  /** PGlite's directory; absent for an in-memory database. */
  dataDir?: string;
  /** In memory only: a `dumpDataDir()` tarball to start from instead of running initdb. */
  snapshot?: ArrayBuffer;
}

export type PgliteRequest =
  | {
      id: number;
      op: 'query';
      /** The transaction the statement belongs to, if any (from a `begin` reply). */
      tx?: number;
      text: string;
      params?: unknown[];
      rowMode?: 'array' | 'object';
      /** Types whose values stay as the text PostgreSQL sent (see pglite-thread.ts). */
      rawTypes?: number[];
      paramTypes?: number[];
    }
  | { id: number; op: 'exec'; tx?: number; text: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listener: number }
  | { id: number; op: 'dump' }
  | { id: number; op: 'close' };

export type PgliteMessage =
  | { op: 'ready' }
  | { op: 'failed'; error: SerializedError }
  | { op: 'reply'; id: number; ok: true; result: unknown }
  | { op: 'reply'; id: number; ok: false; error: SerializedError }
  | { op: 'notify'; listener: number; payload: string };

/**
 * An error as plain data. Structured cloning keeps only an error's message and stack, but callers
 * read PostgreSQL's fields (`code`, `constraint`, `detail`, …) to tell a unique violation from a
 * broken connection, so every own field is copied.
 */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

export function deserializeError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return Object.assign(error, serialized.fields);
}
