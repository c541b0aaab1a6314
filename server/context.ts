/** What every server module receives: configuration, database, logger and the live documents (no globals). */
import type { RecordNotification } from '../shared/api/notifications.ts';
import type { BlobStore } from './blobs/blob-store.ts';
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logger.ts';
import type { Runner } from './runner/runner.ts';

export interface CoreContext {
  config: ServerConfig;
  database: Database;
  logger: Logger;
}

/** What the HTTP API may do to live pipeline documents and the people connected to them. */
export interface LiveDocuments {
  /**
   * Runs `change` on the pipeline's live document (loading it if needed); everyone connected sees it.
   * `change` writes in its own transaction(s), with the origin it names (e.g. `RESTORE_ORIGIN`).
   */
  changeDocument(pipelineId: string, change: (doc: import('yjs').Doc) => void): Promise<void>;
  /** Reads the pipeline's current document (live if open, else stored) without keeping it loaded. */
  readDocument<T>(pipelineId: string, read: (doc: import('yjs').Doc) => T): Promise<T>;
  /** Closes one person's (or everyone's) sync connection to a pipeline, e.g. after a role change. */
  disconnect(pipelineId: string, userId?: string): void;
  /** Sends a stateless message to everyone connected to the pipeline; nothing when nobody has it open. */
  broadcast(pipelineId: string, payload: RecordNotification): void;
}

export interface ServerContext extends CoreContext {
  collab: LiveDocuments;
  /** Files too big for rows (run artifacts): `DATA_DIR/blobs`, or memory for an in-memory server. */
  blobs: BlobStore;
  /**
   * The run queue and the in-process worker (issue 6). They start in the background, so the server
   * listens at once; this resolves when the queue is open and rejects if it could not start.
   */
  runner(): Promise<Runner>;
}
