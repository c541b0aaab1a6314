/**
 * Which database a server test runs on: `DOMINOML_TEST_DB=postgres` (with `TEST_DATABASE_URL`
 * pointing at the PostgreSQL started by scripts/test.sh) gives each caller a fresh database there;
 * otherwise in-memory PGlite, or a PGlite directory when a test needs a restart to keep data.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export const testDbKind: 'pglite' | 'postgres' =
  process.env.DOMINOML_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabaseTarget {
  /** Overrides for `loadConfig`: `databaseUrl`, or `dataDir`/`memoryDatabase` for PGlite. */
  config: { databaseUrl?: string; dataDir?: string; memoryDatabase?: boolean };
  drop(): Promise<void>;
}

/**
 * A database of its own for one test (or one file). `persistent` asks for PGlite on disk so a
 * restarted server finds its data; PostgreSQL always persists.
 */
export async function createTestDatabase(
  options: { persistent?: boolean } = {},
): Promise<TestDatabaseTarget> {
  if (testDbKind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl)
      throw new Error('DOMINOML_TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.sh sets it)');
    const name = `dominoml_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      config: { databaseUrl: url.toString() },
      drop: async () => {
        const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  if (options.persistent) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-test-'));
    return {
      config: { dataDir, memoryDatabase: false },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  return { config: { memoryDatabase: true }, drop: async () => {} };
}
