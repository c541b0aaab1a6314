/**
 * Opening the database: embedded PGlite (default, in `DATA_DIR`) or PostgreSQL through postgres.js
 * (`DATABASE_URL`). Both get the same drizzle schema, migrations and queries; the rest of the server
 * only sees `Database`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { type PgliteThread, startPgliteThread } from './pglite-thread.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Closes connections (PostgreSQL) or the embedded instance and its directory lock (PGlite). */
  close(): Promise<void>;
  /**
   * PGlite only: settles if the embedded database's thread stops on its own (it crashed); every
   * query fails from then on. PostgreSQL reconnects by itself instead.
   */
  lost?: Promise<Error>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite directory; `undefined` with no `databaseUrl` means an in-memory PGlite (tests). */
  dataDir?: string | undefined;
  /**
   * In-memory PGlite only: start from a `dumpDataDir()` tarball of an already migrated database
   * instead of running initdb (~10× faster; the test suite starts many servers).
   */
  pgliteSnapshot?: Blob | undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.pgliteSnapshot);
}

async function openPostgres(url: string): Promise<Database> {
  // `onnotice` silenced: migrations print "relation already exists, skipping" notices.
  // `backoff`: after a restart, reconnect within a couple of seconds. postgres.js's default waits
  // up to 3^n / 100 s after the n-th failed attempt (20 s past the 7th), so a database that was
  // away for some seconds would stay unused long after it came back.
  const sqlClient = postgres(url, { max: 10, onnotice: () => {}, backoff: reconnectBackoff });
  const db = drizzlePostgres(sqlClient, { schema });
  await migratePostgres(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    close: () => sqlClient.end({ timeout: 5 }),
  };
}

/** Seconds before reconnect attempt `retries`: 0.1, 0.2, 0.4 … at most 2. */
export function reconnectBackoff(retries: number): number {
  return Math.min(0.1 * 2 ** Math.max(0, retries - 1), 2);
}

/**
 * PGlite runs on its own thread (pglite-thread.ts), so its statements do not hold up the main
 * thread's relaying of edits; drizzle and the run queue talk to it through the same interface as
 * to an in-process instance.
 */
async function openPglite(dataDir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  let client: PgliteThread | undefined;
  try {
    if (dataDir) {
      const pgDir = path.join(dataDir, 'pglite');
      mkdirSync(pgDir, { recursive: true });
      // PGlite has no cross-process lock: two processes on one directory silently lose writes.
      lock = await acquireDataDirLock(dataDir);
      client = startPgliteThread({ dataDir: pgDir });
    } else {
      client = startPgliteThread(snapshot ? { snapshot: await snapshot.arrayBuffer() } : {});
    }
    await client.waitReady;
    // drizzle's PGlite driver calls only query() and transaction(), which the thread provides.
    const db = drizzlePglite(client as unknown as PGlite, { schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      lost: client.lost,
      close: async () => {
        await client?.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    await lock?.release();
    throw error;
  }
}
