/** A blob store in memory, for tests and in-memory servers: nothing survives the process. */
import { assertBlobKey, type BlobStore } from './blob-store.ts';

export function createMemoryBlobStore(): BlobStore {
  const blobs = new Map<string, Uint8Array>();
  return {
    async put(key, body) {
      assertBlobKey(key);
      const bytes = body instanceof Uint8Array ? body.slice() : await collect(body);
      blobs.set(key, bytes);
      return bytes.byteLength;
    },
    async get(key) {
      assertBlobKey(key);
      const bytes = blobs.get(key);
      if (!bytes) return null;
      return {
        size: bytes.byteLength,
        stream: new ReadableStream({
          start(controller) {
            controller.enqueue(bytes.slice());
            controller.close();
          },
        }),
      };
    },
    async delete(key) {
      assertBlobKey(key);
      blobs.delete(key);
    },
  };
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
