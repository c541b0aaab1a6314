/**
 * The blob store a process uses, from `BLOB_STORE` (server/config.ts): the same choice for the
 * server and for standalone runners (`npm run runner`), which must see each other's blobs.
 */
import path from 'node:path';
import type { ServerConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { BlobStore } from './blob-store.ts';
import { createDatabaseBlobStore } from './database-blob-store.ts';
import { createFsBlobStore } from './fs-blob-store.ts';
import { createMemoryBlobStore } from './memory-blob-store.ts';

export interface OpenedBlobStore {
  blobs: BlobStore;
  /** Where the bytes are, for logs: `database`, `memory` or the directory. */
  description: string;
  /** Stops the store's timers and waits for its pending writes; before the database closes. */
  close(): Promise<void>;
}

export function openBlobStore(config: ServerConfig, database: Database, logger: Logger): OpenedBlobStore {
  if (config.blobStore === 'database') {
    const store = createDatabaseBlobStore(database.db, { logger: logger.child({ module: 'blobs' }) });
    return { blobs: store, description: 'database', close: () => store.close() };
  }
  if (config.memoryDatabase && !config.databaseUrl) {
    return { blobs: createMemoryBlobStore(), description: 'memory', close: async () => {} };
  }
  const dir = path.join(config.dataDir, 'blobs');
  return { blobs: createFsBlobStore(dir), description: dir, close: async () => {} };
}
