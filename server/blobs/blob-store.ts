/**
 * Where the server keeps files that are too big for a table row: run artifacts now, uploaded
 * datasets later. A tiny interface so storage can change (a shared directory, an object store)
 * without touching its users; `runBlobStoreContract` (test/server) runs against each implementation.
 */

export interface StoredBlob {
  size: number;
  /** The bytes; read it once. */
  stream: ReadableStream<Uint8Array>;
}

export interface BlobStore {
  /**
   * Stores `body` under `key`, replacing what was there; resolves with the size in bytes. A reader
   * never sees a half-written blob: it gets the old one or the new one.
   */
  put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>): Promise<number>;
  /** The blob under `key`, or null when there is none. */
  get(key: string): Promise<StoredBlob | null>;
  /** Removes the blob; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are relative paths of lower-case letters, digits, `.`, `_`, `-` and `/` (e.g.
 * `runs/<id>/model.joblib`): safe as file names on every implementation, and never `..`.
 */
const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const KEY_MAX_LENGTH = 512;

export function assertBlobKey(key: string): void {
  if (key.length > KEY_MAX_LENGTH || !KEY.test(key) || key.split('/').some((part) => part === '..')) {
    throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
  }
}
