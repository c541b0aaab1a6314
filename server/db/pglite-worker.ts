/**
 * The thread that runs embedded PGlite for the server (started by pglite-thread.ts). PGlite is
 * PostgreSQL compiled to WebAssembly: every statement runs synchronously on the thread that owns
 * the instance. Here that is this thread, so the main thread keeps relaying edits and answering
 * requests while the database works.
 *
 * Each request is handled as it arrives, not one after the other: PGlite itself orders them (a
 * statement outside a transaction waits for an open transaction to end, as on one PostgreSQL
 * connection), exactly as it did when the server called it directly.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgliteByteaParsers, pgliteByteaSerializers } from './pglite-bytea.ts';
import {
  type PgliteMessage,
  type PgliteRequest,
  type PgliteWorkerData,
  serializeError,
} from './pglite-protocol.ts';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread (see pglite-thread.ts)');

const options = workerData as PgliteWorkerData;
const codec = { serializers: pgliteByteaSerializers, parsers: pgliteByteaParsers };
const pglite = options.dataDir
  ? new PGlite(options.dataDir, codec)
  : new PGlite(options.snapshot ? { ...codec, loadDataDir: new Blob([options.snapshot]) } : codec);

const post = (message: PgliteMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer ?? []);
const keepText = (value: string) => value;
/** Parser sets by type list: drizzle sends the same list with nearly every statement. */
const parserSets = new Map<string, Record<number, typeof keepText>>();
function keepTextParsers(types: number[]): Record<number, typeof keepText> {
  const key = types.join(',');
  let parsers = parserSets.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(types.map((type) => [type, keepText]));
    parserSets.set(key, parsers);
  }
  return parsers;
}

/** Statements of an open transaction, delivered in order to the callback PGlite runs it in. */
class TransactionInbox {
  private queued: PgliteRequest[] = [];
  private waiting: ((request: PgliteRequest) => void) | undefined;

  push(request: PgliteRequest) {
    if (this.waiting) {
      const deliver = this.waiting;
      this.waiting = undefined;
      deliver(request);
    } else {
      this.queued.push(request);
    }
  }

  next(): Promise<PgliteRequest> {
    const request = this.queued.shift();
    if (request) return Promise.resolve(request);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

const transactions = new Map<number, TransactionInbox>();
let nextTransaction = 1;
const unlisteners = new Map<number, () => Promise<void>>();
let nextListener = 1;
/** Thrown inside PGlite's transaction callback to roll back when the caller asked for it. */
const ROLLBACK = Symbol('rollback');

async function runStatement(target: PGlite | Transaction, request: PgliteRequest): Promise<unknown> {
  if (request.op === 'exec') return target.exec(request.text);
  if (request.op !== 'query') throw new Error(`unexpected ${request.op} inside a transaction`);
  const parsers = request.rawTypes ? keepTextParsers(request.rawTypes) : undefined;
  return target.query(request.text, request.params, {
    ...(request.rowMode ? { rowMode: request.rowMode } : {}),
    ...(parsers ? { parsers } : {}),
    ...(request.paramTypes ? { paramTypes: request.paramTypes } : {}),
  });
}

function begin(request: Extract<PgliteRequest, { op: 'begin' }>) {
  const id = nextTransaction++;
  const inbox = new TransactionInbox();
  let began = false;
  let endId = request.id;
  pglite
    .transaction(async (tx) => {
      transactions.set(id, inbox);
      began = true;
      post({ op: 'reply', id: request.id, ok: true, result: id });
      for (;;) {
        const next = await inbox.next();
        if (next.op === 'end') {
          endId = next.id;
          if (!next.commit) throw ROLLBACK;
          return;
        }
        try {
          post({ op: 'reply', id: next.id, ok: true, result: await runStatement(tx, next) });
        } catch (error) {
          post({ op: 'reply', id: next.id, ok: false, error: serializeError(error) });
        }
      }
    })
    .then(
      () => post({ op: 'reply', id: endId, ok: true, result: null }),
      (error: unknown) => {
        if (error === ROLLBACK) post({ op: 'reply', id: endId, ok: true, result: null });
        else post({ op: 'reply', id: began ? endId : request.id, ok: false, error: serializeError(error) });
      },
    )
    .finally(() => transactions.delete(id));
}

async function handle(request: PgliteRequest): Promise<unknown> {
  switch (request.op) {
    case 'query':
    case 'exec':
      return runStatement(pglite, request);
    case 'listen': {
      const listener = nextListener++;
      unlisteners.set(
        listener,
        await pglite.listen(request.channel, (payload) => post({ op: 'notify', listener, payload })),
      );
      return listener;
    }
    case 'unlisten': {
      const unlisten = unlisteners.get(request.listener);
      unlisteners.delete(request.listener);
      await unlisten?.();
      return null;
    }
    case 'dump': {
      const dump = await pglite.dumpDataDir('none');
      return dump.arrayBuffer();
    }
    case 'close':
      await pglite.close();
      return null;
    default:
      throw new Error(`unknown request ${(request as { op: string }).op}`);
  }
}

port.on('message', (request: PgliteRequest) => {
  if (request.op === 'begin') return begin(request);
  if ((request.op === 'query' || request.op === 'exec' || request.op === 'end') && request.tx !== undefined) {
    const inbox = transactions.get(request.tx);
    if (inbox) return inbox.push(request);
    return post({
      op: 'reply',
      id: request.id,
      ok: false,
      error: serializeError(new Error('Transaction is closed')),
    });
  }
  handle(request).then(
    (result) =>
      post({ op: 'reply', id: request.id, ok: true, result }, result instanceof ArrayBuffer ? [result] : []),
    (error: unknown) => post({ op: 'reply', id: request.id, ok: false, error: serializeError(error) }),
  );
});

pglite.waitReady.then(
  () => post({ op: 'ready' }),
  (error: unknown) => post({ op: 'failed', error: serializeError(error) }),
);
