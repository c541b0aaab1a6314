/**
 * The pipeline's copy on this device (y-indexeddb). It loads before the network is touched so the
 * page renders offline at once, and it keeps every local edit across reloads and browser restarts.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export interface LocalStore {
  /** The transaction origin of updates applied from disk (so they are not counted as new edits). */
  readonly origin: unknown;
  /** Resolves true once the stored state is in the document, false when IndexedDB is unusable. */
  readonly loaded: Promise<boolean>;
  /** Closes the database connection. The stored data stays. */
  destroy(): Promise<void>;
}

/**
 * One database per person and pipeline: two accounts on one browser never see each other's
 * unsynced edits, and a logout of one does not touch the other's.
 */
export function makeLocalDatabaseName(userId: string, pipelineId: string): string {
  return `dominoml:${userId}:pipeline:${pipelineId}`;
}

export function makeIndexeddbStore(name: string, doc: Y.Doc): LocalStore {
  const persistence = new IndexeddbPersistence(name, doc);
  // y-indexeddb never settles `whenSynced` when the database cannot be opened (private mode,
  // quota, a blocked upgrade); race it against the open failure so the page still loads online.
  const failed = persistence._db.then(
    () => new Promise<boolean>(() => {}),
    () => false,
  );
  const loaded = Promise.race([persistence.whenSynced.then(() => true), failed]);
  return {
    origin: persistence,
    loaded,
    async destroy() {
      try {
        await persistence.destroy();
      } catch {
        // The database never opened: nothing to close.
      }
    },
  };
}
