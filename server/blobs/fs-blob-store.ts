/**
 * Blobs as files under one directory (`DATA_DIR/blobs`). Writes go to a temporary file in the same
 * directory and are renamed into place, so a reader sees the old blob or the new one, never half.
 * Several machines need a shared directory (or another `BlobStore`) to see each other's blobs.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, type BlobStore } from './blob-store.ts';

export function createFsBlobStore(root: string): BlobStore {
  const fileOf = (key: string) => {
    assertBlobKey(key);
    return path.join(root, ...key.split('/'));
  };
  return {
    async put(key, body) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.partial`;
      try {
        const source = body instanceof Uint8Array ? Readable.from([body]) : Readable.from(body);
        await pipeline(source, createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, file);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return (await stat(file)).size;
    },
    async get(key) {
      let handle: FileHandle;
      try {
        handle = await open(fileOf(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      // Size and bytes from the one open file: a concurrent replace renames a new file over the
      // path, and this handle keeps reading the old one.
      const { size } = await handle.stat();
      const stream = Readable.toWeb(createReadStream('', { fd: handle })) as ReadableStream<Uint8Array>;
      return { size, stream };
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
