/**
 * Blobs inside the database (`BLOB_STORE=database`): what servers and standalone runners on other
 * machines share when they share nothing but PostgreSQL. Tables `blobs` (key → generation, size)
 * and `blob_chunks` (generation, seq → bytes) in server/db/schema.ts.
 *
 * - `put` streams the body into `CHUNK_BYTES` chunks under a new generation, one insert per chunk
 *   (never the whole file in memory, never one huge transaction), then switches the key's row to
 *   that generation in one short transaction. Until then readers see the old blob; a failed put
 *   removes its chunks.
 * - `get` reads the key's generation and size once, then streams chunk by chunk on demand.
 * - A replaced or deleted generation is not removed at once: a reader that opened it keeps reading
 *   it. Its chunks go `READER_GRACE_MS` later, and `sweep` (at start, then hourly) removes chunks
 *   that no row references any more and that are older than `ORPHAN_AGE_MS` (a put or a delayed
 *   delete that a crash interrupted). Generations are UUIDv7, so their age is in their bytes.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { blobChunks, blobs } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { assertBlobKey, type BlobStore } from './blob-store.ts';

/** 256 KiB: few rows per file, small enough to stream without holding much. */
export const CHUNK_BYTES = 256 * 1024;
/** How long a replaced or deleted blob stays readable for those who opened it before. */
export const READER_GRACE_MS = 10 * 60 * 1000;
/** Unreferenced chunks older than this are leftovers of an interrupted put or delete. */
export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface DatabaseBlobStoreOptions {
  logger?: Logger;
  /** Tests shorten it; see `READER_GRACE_MS`. */
  readerGraceMs?: number;
  /** Sweep orphaned chunks at start and hourly (default true). */
  sweep?: boolean;
}

export interface DatabaseBlobStore extends BlobStore {
  /** Removes chunks no blob references that are older than `olderThanMs`; resolves with how many. */
  sweep(olderThanMs?: number): Promise<number>;
  /** Stops timers and waits for pending deletions (at shutdown, before the database closes). */
  close(): Promise<void>;
}

export function createDatabaseBlobStore(db: Db, options: DatabaseBlobStoreOptions = {}): DatabaseBlobStore {
  const graceMs = options.readerGraceMs ?? READER_GRACE_MS;
  const pendingTimers = new Set<NodeJS.Timeout>();
  const pendingDeletes = new Set<Promise<void>>();
  let closed = false;

  const deleteGeneration = (generation: string) => {
    const deleting = db
      .delete(blobChunks)
      .where(eq(blobChunks.generation, generation))
      .then(
        () => {},
        (error: unknown) => {
          // The sweep removes it later.
          options.logger?.warn({ err: error, generation }, 'removing a replaced blob’s chunks failed');
        },
      );
    pendingDeletes.add(deleting);
    void deleting.finally(() => pendingDeletes.delete(deleting));
    return deleting;
  };

  /** Deletes an unreferenced generation once readers that opened it have had their time. */
  const retire = (generation: string) => {
    if (closed || graceMs <= 0) {
      void deleteGeneration(generation);
      return;
    }
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      void deleteGeneration(generation);
    }, graceMs);
    timer.unref();
    pendingTimers.add(timer);
  };

  const sweep = async (olderThanMs = ORPHAN_AGE_MS): Promise<number> => {
    const cutoff = uuidv7At(Date.now() - olderThanMs, Buffer.alloc(10));
    const removed = await db
      .delete(blobChunks)
      .where(
        and(
          sql`${blobChunks.generation} < ${cutoff}::uuid`,
          sql`not exists (select 1 from ${blobs} where ${blobs.generation} = ${blobChunks.generation})`,
        ),
      )
      .returning({ generation: blobChunks.generation });
    return removed.length;
  };

  let sweepTimer: NodeJS.Timeout | undefined;
  if (options.sweep !== false) {
    const sweepNow = () => {
      sweep().then(
        (count) => {
          if (count > 0) options.logger?.info({ chunks: count }, 'removed orphaned blob chunks');
        },
        (error: unknown) => options.logger?.warn({ err: error }, 'sweeping orphaned blob chunks failed'),
      );
    };
    sweepNow();
    sweepTimer = setInterval(sweepNow, SWEEP_INTERVAL_MS);
    sweepTimer.unref();
  }

  return {
    async put(key, body) {
      assertBlobKey(key);
      const generation = uuidv7();
      let size = 0;
      let seq = 0;
      try {
        const writeChunk = async (data: Uint8Array) => {
          await db.insert(blobChunks).values({ generation, seq, data });
          seq += 1;
          size += data.byteLength;
        };
        await forEachChunk(body, CHUNK_BYTES, writeChunk);
        const previous = await db.transaction(async (tx) => {
          // Serializes puts and deletes of one key, so each sees the generation it replaces.
          await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dominoml-blob:${key}`}))`);
          const [old] = await tx
            .select({ generation: blobs.generation })
            .from(blobs)
            .where(eq(blobs.key, key));
          await tx
            .insert(blobs)
            .values({ key, generation, size })
            .onConflictDoUpdate({
              target: blobs.key,
              set: { generation, size, createdAt: sql`now()` },
            });
          return old?.generation ?? null;
        });
        if (previous) retire(previous);
        return size;
      } catch (error) {
        // Nothing references these chunks; remove them now (the sweep would, much later).
        await db
          .delete(blobChunks)
          .where(eq(blobChunks.generation, generation))
          .catch(() => {});
        throw error;
      }
    },

    async get(key) {
      assertBlobKey(key);
      const [row] = await db
        .select({ generation: blobs.generation, size: blobs.size })
        .from(blobs)
        .where(eq(blobs.key, key));
      if (!row) return null;
      const { generation, size } = row;
      let seq = 0;
      let read = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (read >= size) {
            controller.close();
            return;
          }
          const [chunk] = await db
            .select({ data: blobChunks.data })
            .from(blobChunks)
            .where(and(eq(blobChunks.generation, generation), eq(blobChunks.seq, seq)));
          if (!chunk) {
            controller.error(
              new Error(`blob ${key} is gone (deleted or replaced long ago) while being read`),
            );
            return;
          }
          seq += 1;
          read += chunk.data.byteLength;
          controller.enqueue(chunk.data);
          if (read >= size) controller.close();
        },
      });
      return { size, stream };
    },

    async delete(key) {
      assertBlobKey(key);
      const removed = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dominoml-blob:${key}`}))`);
        return tx.delete(blobs).where(eq(blobs.key, key)).returning({ generation: blobs.generation });
      });
      for (const row of removed) retire(row.generation);
    },

    sweep,

    async close() {
      closed = true;
      clearInterval(sweepTimer);
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      // Retired generations not yet deleted are left to a later sweep: a reader may still need them.
      await Promise.all([...pendingDeletes]);
    },
  };
}

/**
 * Calls `write` with consecutive pieces of `body` of exactly `size` bytes (the last may be
 * shorter; none when the body is empty). Holds one piece at a time and copies the caller's bytes.
 */
async function forEachChunk(
  body: Uint8Array | AsyncIterable<Uint8Array>,
  size: number,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  let buffer = new Uint8Array(size);
  let filled = 0;
  const pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array> = body instanceof Uint8Array ? [body] : body;
  for await (const piece of pieces) {
    let offset = 0;
    while (offset < piece.byteLength) {
      const take = Math.min(size - filled, piece.byteLength - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        await write(buffer);
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) await write(buffer.slice(0, filled));
}

/** A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits; sorts by time. */
export function uuidv7(): string {
  return uuidv7At(Date.now(), randomBytes(10));
}

function uuidv7At(ms: number, random: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let time = Math.max(0, Math.floor(ms));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
