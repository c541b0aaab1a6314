/**
 * The contract every `BlobStore` keeps (server/blobs/blob-store.ts), as a suite any implementation
 * runs: `runBlobStoreContract('filesystem', () => createFsBlobStore(dir))`.
 */
import { describe, expect, test } from 'vitest';
import type { BlobStore } from '../../../server/blobs/blob-store.ts';

async function text(store: BlobStore, key: string): Promise<string | null> {
  const blob = await store.get(key);
  if (!blob) return null;
  return new Response(blob.stream).text();
}

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

export function runBlobStoreContract(name: string, create: () => Promise<BlobStore> | BlobStore): void {
  describe(`BlobStore contract: ${name}`, () => {
    test('stores bytes and streams them back with their size', async () => {
      const store = await create();
      const size = await store.put('runs/a/model.joblib', new TextEncoder().encode('hello'));
      expect(size).toBe(5);
      const blob = await store.get('runs/a/model.joblib');
      expect(blob?.size).toBe(5);
      expect(await new Response(blob!.stream).text()).toBe('hello');
    });

    test('stores a stream of chunks', async () => {
      const store = await create();
      expect(await store.put('runs/b/predictions.csv', chunks('a,b\n', '1,2\n'))).toBe(8);
      expect(await text(store, 'runs/b/predictions.csv')).toBe('a,b\n1,2\n');
    });

    test('a put replaces, and the caller’s buffer may change afterwards', async () => {
      const store = await create();
      const bytes = new TextEncoder().encode('first');
      await store.put('k/one', bytes);
      bytes.fill(0);
      expect(await text(store, 'k/one')).toBe('first');
      await store.put('k/one', new TextEncoder().encode('second'));
      expect(await text(store, 'k/one')).toBe('second');
    });

    test('an unknown key is null, and deleting twice is fine', async () => {
      const store = await create();
      expect(await store.get('nothing/here')).toBeNull();
      await store.put('gone/soon', new TextEncoder().encode('x'));
      await store.delete('gone/soon');
      await store.delete('gone/soon');
      expect(await store.get('gone/soon')).toBeNull();
    });

    test('a reader that opened a blob keeps reading it while it is replaced', async () => {
      const store = await create();
      await store.put('k/v', new TextEncoder().encode('old'));
      const reading = await store.get('k/v');
      await store.put('k/v', new TextEncoder().encode('new!'));
      expect(reading?.size).toBe(3);
      expect(await new Response(reading!.stream).text()).toBe('old');
    });

    test.each(['../escape', 'a/../../b', '/absolute', 'Upper/Case', 'a//b', 'a/', '', 'spaces are bad'])(
      'refuses the key %j',
      async (key) => {
        const store = await create();
        await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/invalid blob key/);
        await expect(store.get(key)).rejects.toThrow(/invalid blob key/);
      },
    );
  });
}
