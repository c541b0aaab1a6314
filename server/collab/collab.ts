/**
 * The sync endpoint: Hocuspocus on `/collab`, sharing the HTTP server's port. The WebSocket upgrade
 * checks `Origin`; each document then authenticates from the session cookie (collab-auth.ts).
 * Documents load from and store to the database (document-store.ts): every update is logged
 * within ~50 ms, and full snapshots are taken on Hocuspocus's debounced store.
 */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, isTransactionOrigin } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { CoreContext, LiveDocuments } from '../context.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { pipelines } from '../db/schema.ts';
import { isAllowedOriginHeader } from '../http/origin.ts';
import { authenticateCollab, type CollabContext } from './collab-auth.ts';
import { readDocumentMeta } from './document-meta.ts';
import { documentNameFor, pipelineIdOf } from './document-name.ts';
import { createDatabaseDocumentStore } from './document-store.ts';
import { assertWellFormedMessage } from './message-guard.ts';
import { createRedisExtension } from './redis-extension.ts';

export const COLLAB_PATH = '/collab';

/** Updates larger than this close the sending connection (a whole 1,000-node pipeline is ~300 KB). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Snapshot at most this long after the first unsaved change, and this long after the last one. */
const STORE_DEBOUNCE_MS = 2_000;
const STORE_MAX_DEBOUNCE_MS = 10_000;

/** Transaction origin of stored state applied while loading: not a new change, never re-logged. */
const LOAD_ORIGIN = Symbol('dominoml.load');

export interface Collab extends LiveDocuments {
  hocuspocus: Hocuspocus<CollabContext>;
  /** Takes over `upgrade` requests for `/collab`; false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

export function createCollab(ctx: CoreContext): Collab {
  const log = ctx.logger.child({ module: 'collab' });
  const store = createDatabaseDocumentStore(ctx.database.db, log);
  const storesInFlight = new Set<Promise<void>>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: 'dominoml',
    quiet: true,
    debounce: STORE_DEBOUNCE_MS,
    maxDebounce: STORE_MAX_DEBOUNCE_MS,
    // Relay each update as it arrives instead of batching on setImmediate: the batch hop cost
    // ~1 ms per edit at p50 in the sync benchmark. Updates are small and one encode is shared by
    // every connection on a document, so batching buys little here.
    flushDelay: false,
    extensions: ctx.config.redisUrl
      ? [createRedisExtension(ctx.config.redisUrl, `dominoml-${randomUUID()}`)]
      : [],

    onAuthenticate: (payload) => authenticateCollab(ctx, payload),

    async beforeHandleMessage({ update, connection }) {
      // Read-only connections' updates are dropped by Hocuspocus anyway.
      if (!connection.readOnly) assertWellFormedMessage(update);
    },

    async onLoadDocument({ document, documentName }) {
      const pipelineId = pipelineIdOf(documentName);
      if (!pipelineId) throw new Error(`not a pipeline document: ${documentName}`);
      const stored = await store.load(pipelineId);
      if (stored) Y.applyUpdate(document, stored.update, LOAD_ORIGIN);
      return document;
    },

    async onChange({ documentName, update, transactionOrigin }) {
      if (transactionOrigin === LOAD_ORIGIN) return;
      // Relayed from another server process through Redis: that process logged it already.
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') return;
      const pipelineId = pipelineIdOf(documentName);
      if (!pipelineId) return;
      store.append(pipelineId, update).catch(() => {
        // Already logged by the store; the debounced snapshot still carries this change.
      });
    },

    onStoreDocument({ document, documentName }) {
      const pipelineId = pipelineIdOf(documentName);
      if (!pipelineId) return Promise.resolve();
      const stored = (async () => {
        await store.compact(pipelineId, () => Y.encodeStateAsUpdate(document));
        await mirrorMeta(pipelineId, document);
      })().catch((error: unknown) => {
        // The pipeline was deleted while people had it open: there is nothing left to store into.
        if (isForeignKeyViolation(error))
          log.info({ pipelineId }, 'pipeline deleted; its open document was dropped');
        else log.error({ err: error, pipelineId }, 'failed to store a document');
      });
      storesInFlight.add(stored);
      return stored.finally(() => storesInFlight.delete(stored));
    },
  });

  /** Name, description and tags live in the document; the pipelines table mirrors them for search. */
  async function mirrorMeta(pipelineId: string, doc: Y.Doc): Promise<void> {
    const meta = readDocumentMeta(doc);
    if (meta.name === null) return; // a document not initialised yet carries no meta to mirror
    await ctx.database.db
      .update(pipelines)
      .set({ name: meta.name, description: meta.description, tags: meta.tags, updatedAt: new Date() })
      .where(eq(pipelines.id, pipelineId));
  }

  wss.on('connection', (socket, request: IncomingMessage) => {
    const client = hocuspocus.handleConnection(socket, toWebRequest(request));
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      client.handleMessage(toBytes(data));
    });
    socket.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
    socket.on('error', (error) => log.warn({ err: error }, 'sync socket error'));
  });

  return {
    hocuspocus,

    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== COLLAB_PATH) return false;
      if (!isAllowedOriginHeader(request.headers.origin, request.headers.host, ctx.config)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        return true;
      }
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
      return true;
    },

    async changeDocument(pipelineId, change) {
      const connection = await hocuspocus.openDirectConnection(documentNameFor(pipelineId));
      try {
        if (!connection.document) throw new Error(`document of pipeline ${pipelineId} did not load`);
        // Not `connection.transact`: its wrapping transaction would carry Hocuspocus's origin, and
        // the change's own transaction (restore, migration) would merge into it and lose its origin.
        change(connection.document);
      } finally {
        await connection.disconnect();
      }
    },

    async readDocument(pipelineId, read) {
      // Not through a direct connection: closing one stores the document (a full snapshot written
      // back, ~100 ms for 1,000 nodes) although reading changed nothing. An open document is read
      // where it is; any other is read from the store, which holds all of it once it has unloaded
      // (Hocuspocus unloads only after the final store, which waits for the update log).
      const open = hocuspocus.documents.get(documentNameFor(pipelineId));
      if (open) return read(open);
      const doc = new Y.Doc();
      try {
        const stored = await store.load(pipelineId);
        if (stored) Y.applyUpdate(doc, stored.update, LOAD_ORIGIN);
        return read(doc);
      } finally {
        doc.destroy();
      }
    },

    disconnect(pipelineId, userId) {
      const document = hocuspocus.documents.get(documentNameFor(pipelineId));
      if (!document) return;
      for (const connection of document.getConnections()) {
        if (userId === undefined || connection.context?.userId === userId) connection.close();
      }
    },

    broadcast(pipelineId, payload) {
      // Only a loaded document has connections; loading one to tell nobody would be wasted work.
      hocuspocus.documents.get(documentNameFor(pipelineId))?.broadcastStateless(JSON.stringify(payload));
    },

    async close() {
      for (const socket of wss.clients) socket.close(1001, 'server shutting down');
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      await Promise.all([...storesInFlight]);
      await store.flush();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function toWebRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`), {
    headers,
  });
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
