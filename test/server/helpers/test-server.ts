/** Starts a real DominoML server on port 0 for one test, on the database chosen by the suite. */
import { onTestFinished } from 'vitest';
import type { BlobStore } from '../../../server/blobs/blob-store.ts';
import { loadConfig, type ServerConfig } from '../../../server/config.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/logger.ts';
import { type RunningServer, startServer } from '../../../server/server.ts';
import { pgliteSnapshot } from './pglite-snapshot.ts';
import { createTestDatabase, type TestDatabaseTarget } from './test-database.ts';

export interface TestServerOptions {
  /** Reuse a database (e.g. to restart a server on the same data). */
  database?: TestDatabaseTarget;
  config?: Partial<ServerConfig>;
  /** A blob store of the test's own (e.g. a temporary directory it can list afterwards). */
  blobs?: BlobStore;
}

export async function startTestServer(
  options: TestServerOptions = {},
): Promise<RunningServer & { database: TestDatabaseTarget }> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      clientDir: '/nonexistent',
      ...database.config,
      ...options.config,
    },
  );
  // In-memory PGlite starts from a migrated snapshot instead of running initdb every time.
  const preopened =
    config.memoryDatabase && !config.databaseUrl
      ? await openDatabase({ pgliteSnapshot: await pgliteSnapshot() })
      : undefined;
  const server = await startServer(config, createLogger(config.logLevel), {
    database: preopened,
    blobs: options.blobs,
  });
  return { ...server, database };
}

/** Like startTestServer, and closes the server (and drops its own database) when the test ends. */
export async function useTestServer(options: TestServerOptions = {}) {
  const server = await startTestServer(options);
  onTestFinished(async () => {
    await server.close();
    if (!options.database) await server.database.drop();
  });
  return server;
}
