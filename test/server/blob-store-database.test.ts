/**
 * The database blob store (BLOB_STORE=database) keeps the BlobStore contract on the suite's
 * database (PGlite, or PostgreSQL with DOMINOML_TEST_DB=postgres), and streams: many chunks in and
 * out, a failed put leaves nothing, a replaced generation goes after the readers' grace period, and
 * the sweep removes what an interrupted put left behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHUNK_BYTES,
  createDatabaseBlobStore,
  type DatabaseBlobStore,
  uuidv7,
} from '../../server/blobs/database-blob-store.ts';
import { openBlobStore } from '../../server/blobs/open-blob-store.ts';
import { loadConfig } from '../../server/config.ts';
import { type Database, openDatabase } from '../../server/db/database.ts';
import { blobChunks, blobs } from '../../server/db/schema.ts';
import { createLogger } from '../../server/logger.ts';
import { runBlobStoreContract } from './helpers/blob-store-contract.ts';
import { pgliteSnapshot } from './helpers/pglite-snapshot.ts';
import { createTestDatabase, type TestDatabaseTarget } from './helpers/test-database.ts';

let target: TestDatabaseTarget;
let database: Database;
const stores: DatabaseBlobStore[] = [];

beforeAll(async () => {
  target = await createTestDatabase();
  database = target.config.databaseUrl
    ? await openDatabase({ databaseUrl: target.config.databaseUrl })
    : await openDatabase({ pgliteSnapshot: await pgliteSnapshot() });
});

afterAll(async () => {
  for (const store of stores) await store.close();
  await database?.close();
  await target?.drop();
});

function store(options: { readerGraceMs?: number } = {}): DatabaseBlobStore {
  const created = createDatabaseBlobStore(database.db, { sweep: false, ...options });
  stores.push(created);
  return created;
}

let prefix = 0;
/** Each contract test gets keys of its own: they all share one database. */
runBlobStoreContract('database', () => {
  prefix += 1;
  const inner = store();
  const scoped = (key: string) => (key.startsWith('/') || key === '' ? key : `c${prefix}/${key}`);
  return {
    put: (key, body) => inner.put(scoped(key), body),
    get: (key) => inner.get(scoped(key)),
    delete: (key) => inner.delete(scoped(key)),
  };
});

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function chunkRows(generation: string): Promise<number> {
  const rows = await database.db
    .select({ seq: blobChunks.seq })
    .from(blobChunks)
    .where(eq(blobChunks.generation, generation));
  return rows.length;
}

async function generationOf(key: string): Promise<string> {
  const [row] = await database.db
    .select({ generation: blobs.generation })
    .from(blobs)
    .where(eq(blobs.key, key));
  if (!row) throw new Error(`no blob ${key}`);
  return row.generation;
}

/** Yields `total` random bytes in pieces of awkward sizes (never aligned with the chunk size). */
async function* randomPieces(total: number, hash: ReturnType<typeof createHash>): AsyncIterable<Uint8Array> {
  let left = total;
  let size = 1;
  while (left > 0) {
    const piece = randomBytes(Math.min(left, size));
    hash.update(piece);
    left -= piece.byteLength;
    size = (size * 7 + 13_001) % 190_000;
    yield piece;
  }
}

describe('database blob store', () => {
  test('streams a multi-chunk blob in and out chunk by chunk', async () => {
    const blobStore = store();
    const total = CHUNK_BYTES * 3 + 12_345;
    const written = createHash('sha256');
    expect(await blobStore.put('big/one.bin', randomPieces(total, written))).toBe(total);
    const generation = await generationOf('big/one.bin');
    expect(await chunkRows(generation)).toBe(4);

    const blob = await blobStore.get('big/one.bin');
    expect(blob?.size).toBe(total);
    const reader = blob!.stream.getReader();
    const read = createHash('sha256');
    const sizes: number[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sizes.push(value.byteLength);
      read.update(value);
    }
    // One chunk per read: the reader never holds the whole file.
    expect(sizes).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, 12_345]);
    expect(read.digest('hex')).toBe(written.digest('hex'));
  });

  test('an empty blob has no chunks and reads as nothing', async () => {
    const blobStore = store();
    expect(await blobStore.put('empty/file', new Uint8Array())).toBe(0);
    expect(await chunkRows(await generationOf('empty/file'))).toBe(0);
    const blob = await blobStore.get('empty/file');
    expect(blob?.size).toBe(0);
    expect((await bytesOf(blob!.stream)).byteLength).toBe(0);
  });

  test('a put whose body fails leaves the old blob and none of its own chunks', async () => {
    const blobStore = store();
    await blobStore.put('fails/here', new TextEncoder().encode('kept'));
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(blobChunks);
    async function* broken(): AsyncIterable<Uint8Array> {
      yield randomBytes(CHUNK_BYTES * 2);
      throw new Error('the upload was cut off');
    }
    await expect(blobStore.put('fails/here', broken())).rejects.toThrow('the upload was cut off');
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(blobChunks);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await bytesOf((await blobStore.get('fails/here'))!.stream)).toString()).toBe('kept');
  });

  test('a replaced or deleted generation is removed after the readers’ grace period', async () => {
    const blobStore = store({ readerGraceMs: 50 });
    await blobStore.put('gen/a', randomBytes(CHUNK_BYTES + 1));
    const first = await generationOf('gen/a');
    await blobStore.put('gen/a', randomBytes(10));
    const second = await generationOf('gen/a');
    expect(second).not.toBe(first);
    await expect.poll(() => chunkRows(first), { timeout: 10_000 }).toBe(0);
    expect(await chunkRows(second)).toBe(1);

    await blobStore.delete('gen/a');
    expect(await blobStore.get('gen/a')).toBeNull();
    await expect.poll(() => chunkRows(second), { timeout: 10_000 }).toBe(0);
  });

  test('concurrent puts of one key leave exactly one generation', async () => {
    const blobStore = store({ readerGraceMs: 0 });
    const since = uuidv7At(Date.now() - 1);
    const bodies = Array.from({ length: 5 }, (_, i) => Buffer.alloc(CHUNK_BYTES + i, i + 1));
    await Promise.all(bodies.map((body) => blobStore.put('race/key', body)));
    const blob = await blobStore.get('race/key');
    const bytes = await bytesOf(blob!.stream);
    expect(bodies.some((body) => body.equals(bytes))).toBe(true);
    const generation = await generationOf('race/key');
    await expect
      .poll(async () => {
        const rows = await database.db
          .select({ generation: blobChunks.generation })
          .from(blobChunks)
          .where(
            sql`${blobChunks.generation} >= ${since}::uuid and ${blobChunks.generation} not in (select ${blobs.generation} from ${blobs})`,
          );
        return rows.length;
      })
      .toBe(0);
    expect(await chunkRows(generation)).toBe(2);
  });

  test('the sweep removes old unreferenced chunks and leaves young ones (puts in progress)', async () => {
    const blobStore = store();
    const old = uuidv7At(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const young = uuidv7();
    await database.db.insert(blobChunks).values([
      { generation: old, seq: 0, data: new Uint8Array([1]) },
      { generation: young, seq: 0, data: new Uint8Array([2]) },
    ]);
    await blobStore.put('sweep/kept', new TextEncoder().encode('still here'));
    expect(await blobStore.sweep(60 * 60 * 1000)).toBeGreaterThanOrEqual(1);
    expect(await chunkRows(old)).toBe(0);
    expect(await chunkRows(young)).toBe(1);
    expect((await bytesOf((await blobStore.get('sweep/kept'))!.stream)).toString()).toBe('still here');
    await database.db.delete(blobChunks).where(eq(blobChunks.generation, young));
  });
});

describe('BLOB_STORE', () => {
  test('chooses the store; filesystem by default; anything else is refused', async () => {
    const logger = createLogger('silent');
    expect(loadConfig({}).blobStore).toBe('filesystem');
    expect(() => loadConfig({ BLOB_STORE: 's3' })).toThrow(/BLOB_STORE must be one of filesystem, database/);
    const onDatabase = openBlobStore(loadConfig({ BLOB_STORE: 'database' }), database, logger);
    expect(onDatabase.description).toBe('database');
    await onDatabase.blobs.put('config/check', new TextEncoder().encode('in the database'));
    expect(await generationOf('config/check')).toMatch(/^[0-9a-f-]{36}$/);
    await onDatabase.close();
    const files = openBlobStore(loadConfig({ DATA_DIR: '/srv/dominoml' }), database, logger);
    expect(files.description).toBe('/srv/dominoml/blobs');
    const memory = openBlobStore(loadConfig({ DOMINOML_MEMORY_DB: 'true' }), database, logger);
    expect(memory.description).toBe('memory');
  });
});

/** A UUIDv7 for a given time (test-only twin of the store's generator). */
function uuidv7At(ms: number): string {
  const hex = Math.floor(ms).toString(16).padStart(12, '0');
  const random = randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${random.slice(0, 3)}-8${random.slice(4, 7)}-${random.slice(8, 20)}`;
}
