/**
 * A migrated, empty PGlite database (with the run queue's schema) as a `dumpDataDir()` tarball, made once per set of migrations
 * and reused by every in-memory test server: loading it takes a fraction of initdb + migrations,
 * which otherwise dominate the server tests on two cores.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../../server/db/database.ts';
import { installQueueSchema } from '../../../server/runner/run-queue.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function migrationsHash(): string {
  const hash = createHash('sha256');
  const folder = path.join(root, 'drizzle');
  for (const file of readdirSync(folder).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(path.join(folder, file)));
  }
  hash.update(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  hash.update(readFileSync(path.join(root, 'node_modules/pg-boss/package.json')));
  return hash.digest('hex').slice(0, 16);
}

let cached: Promise<Blob> | undefined;

export function pgliteSnapshot(): Promise<Blob> {
  cached ??= (async () => {
    const file = path.join(os.tmpdir(), `dominoml-pglite-${migrationsHash()}.tar`);
    if (!existsSync(file)) {
      const database = await openDatabase({}); // in memory, migrated
      await installQueueSchema(database); // the run queue's tables too
      const client = (database.db as unknown as { $client: PGlite }).$client;
      const dump = await client.dumpDataDir('none');
      await database.close();
      // Another test worker may be writing the same file: write aside, then rename atomically.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, file);
    }
    return new Blob([readFileSync(file)]);
  })();
  return cached;
}
