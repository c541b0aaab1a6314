/**
 * The datasets attached to a pipeline, as this device last saw them (records with their profiles),
 * so a pipeline opened offline still knows its CSV nodes' columns: column pickers, validation and
 * code generation read them from here until the server answers again.
 *
 * One IndexedDB database (`dominoml:datasets`, store `pipelines`) holds one entry per person and
 * pipeline, keyed `[userId, pipelineId]`: another account on the same browser never reads it, and
 * logging out deletes the person's entries (`forgetUser`). It is a cache, never the truth:
 * `createPipelineDatasets` shows it only until the server's list arrives, and writes every list
 * the server gives back here.
 *
 * `makeDatasetCache` checks what it reads (a stored entry may come from an older build) and never
 * rejects: a broken or missing IndexedDB (private windows, quota, happy-dom in tests) only costs
 * the offline columns. The storage itself is the small `CacheStorage` boundary, so tests can hand
 * in a Map.
 */
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { PROFILE_VERSION } from '../../../shared/datasets/profile/types.ts';

export const DATASET_CACHE_DATABASE = 'dominoml:datasets';
const STORE = 'pipelines';
/** Shape of a stored entry; bump when it changes (older entries are then ignored). */
const ENTRY_VERSION = 1;

export type CacheKey = readonly [userId: string, pipelineId: string];

/** Where entries live. Values are structured-cloneable; `deleteUser` drops every key of a person. */
export interface CacheStorage {
  get(key: CacheKey): Promise<unknown>;
  set(key: CacheKey, value: unknown): Promise<void>;
  delete(key: CacheKey): Promise<void>;
  deleteUser(userId: string): Promise<void>;
}

export interface DatasetCache {
  /** The datasets last stored for this person and pipeline; null when none (or unreadable). */
  read(userId: string, pipelineId: string): Promise<DatasetRecord[] | null>;
  write(userId: string, pipelineId: string, datasets: readonly DatasetRecord[]): Promise<void>;
  /** Drops one pipeline's entry (the person lost access to it, or it was deleted). */
  forget(userId: string, pipelineId: string): Promise<void>;
  /** Drops every entry of one person (logout). */
  forgetUser(userId: string): Promise<void>;
}

interface CacheEntry {
  version: typeof ENTRY_VERSION;
  savedAt: string;
  datasets: DatasetRecord[];
}

/** A record as the profile code expects it, from a build that wrote the same profile version. */
function isUsableRecord(value: unknown): value is DatasetRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const profile = record.profile as Record<string, unknown> | null | undefined;
  return (
    typeof record.id === 'string' &&
    typeof record.name === 'string' &&
    typeof record.fileName === 'string' &&
    typeof profile === 'object' &&
    profile !== null &&
    profile.version === PROFILE_VERSION &&
    Array.isArray(profile.columns)
  );
}

function readEntry(value: unknown): DatasetRecord[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Partial<CacheEntry>;
  if (entry.version !== ENTRY_VERSION || !Array.isArray(entry.datasets)) return null;
  return entry.datasets.filter(isUsableRecord);
}

export function makeDatasetCache(storage: CacheStorage): DatasetCache {
  return {
    async read(userId, pipelineId) {
      try {
        return readEntry(await storage.get([userId, pipelineId]));
      } catch {
        return null;
      }
    },
    async write(userId, pipelineId, datasets) {
      const entry: CacheEntry = {
        version: ENTRY_VERSION,
        savedAt: new Date().toISOString(),
        datasets: [...datasets],
      };
      try {
        await storage.set([userId, pipelineId], entry);
      } catch {
        // Full or unusable storage: only the offline columns are lost.
      }
    },
    async forget(userId, pipelineId) {
      try {
        await storage.delete([userId, pipelineId]);
      } catch {
        // Nothing stored, or nothing to store it in.
      }
    },
    async forgetUser(userId) {
      try {
        await storage.deleteUser(userId);
      } catch {
        // Nothing stored, or nothing to store it in.
      }
    },
  };
}

/** Storage that keeps nothing (no IndexedDB here). */
export const noCacheStorage: CacheStorage = {
  get: async () => undefined,
  set: async () => {},
  delete: async () => {},
  deleteUser: async () => {},
};

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export interface IndexeddbCacheOptions {
  factory?: IDBFactory;
  keyRange?: typeof IDBKeyRange;
  name?: string;
}

/**
 * The cache's IndexedDB: opened on first use and kept open, closed when another tab or a newer
 * build wants to upgrade or delete it (then reopened on the next call).
 */
export function makeIndexeddbCacheStorage(options: IndexeddbCacheOptions = {}): CacheStorage {
  const factory = options.factory ?? globalThis.indexedDB;
  const keyRange = options.keyRange ?? globalThis.IDBKeyRange;
  const name = options.name ?? DATASET_CACHE_DATABASE;
  let opening: Promise<IDBDatabase> | null = null;

  const open = (): Promise<IDBDatabase> => {
    if (opening) return opening;
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    const current = settle(request).then((db) => {
      const reset = () => {
        if (opening === current) opening = null;
      };
      db.onversionchange = () => {
        db.close();
        reset();
      };
      db.onclose = reset;
      return db;
    });
    current.catch(() => {
      if (opening === current) opening = null;
    });
    opening = current;
    return current;
  };

  const run = async <T>(
    mode: IDBTransactionMode,
    work: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    const transaction = db.transaction(STORE, mode);
    // Both at once: a failed request also aborts the transaction, and neither may go unheard.
    const [result] = await Promise.all([settle(work(transaction.objectStore(STORE))), done(transaction)]);
    return result;
  };

  return {
    get: (key) => run('readonly', (store) => store.get([...key])),
    set: async (key, value) => {
      await run('readwrite', (store) => store.put(value, [...key]));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete([...key]));
    },
    deleteUser: async (userId) => {
      // Array keys sort after strings, so [userId, []] is above every [userId, pipelineId].
      const range = keyRange.bound([userId], [userId, []]);
      await run('readwrite', (store) => store.delete(range));
    },
  };
}

let shared: DatasetCache | undefined;

/** The app's cache (IndexedDB when the browser has it, else one that keeps nothing). */
export function appDatasetCache(): DatasetCache {
  shared ??= makeDatasetCache(
    typeof globalThis.indexedDB === 'undefined' || typeof globalThis.IDBKeyRange === 'undefined'
      ? noCacheStorage
      : makeIndexeddbCacheStorage(),
  );
  return shared;
}
