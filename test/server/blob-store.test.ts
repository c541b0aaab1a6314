/** Both blob stores keep the same contract (test/server/helpers/blob-store-contract.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createFsBlobStore } from '../../server/blobs/fs-blob-store.ts';
import { createMemoryBlobStore } from '../../server/blobs/memory-blob-store.ts';
import { runBlobStoreContract } from './helpers/blob-store-contract.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'dominoml-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
runBlobStoreContract('filesystem', () => {
  counter += 1;
  return createFsBlobStore(path.join(root, String(counter)));
});
runBlobStoreContract('memory', createMemoryBlobStore);
