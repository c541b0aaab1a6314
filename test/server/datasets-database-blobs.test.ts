/**
 * Dataset uploads with the blobs in the database (`BLOB_STORE=database`): a file of several
 * chunks comes back byte-identical, and an upload refused mid-file leaves no chunk behind.
 */
import { count } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { blobChunks, blobs } from '../../server/db/schema.ts';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import { registerUser } from './helpers/accounts.ts';
import { uploadBytes } from './helpers/datasets.ts';
import { useTestServer } from './helpers/test-server.ts';

const encode = (text: string) => new TextEncoder().encode(text);

test('upload, download and a refused upload with blobs in the database', async () => {
  const server = await useTestServer({ config: { blobStore: 'database' } });
  const { db } = server.context.database;
  const stored = async () => {
    const [[b], [c]] = await Promise.all([
      db.select({ n: count() }).from(blobs),
      db.select({ n: count() }).from(blobChunks),
    ]);
    return { blobs: b?.n ?? 0, chunks: c?.n ?? 0 };
  };
  const user = await registerUser(server.url);
  // ~0.8 MB: several 256 KiB chunks.
  const rows = Array.from({ length: 100_000 }, (_, i) => `${i},${i % 7}`).join('\n');
  const bytes = encode(`id,group\n${rows}\n`);
  const response = await uploadBytes(server.url, user, bytes);
  expect(response.status, await response.clone().text()).toBe(201);
  const record = (await response.json()) as DatasetRecord;
  expect(record.rows).toBe(100_000);
  const download = await fetch(`${server.url}/api/datasets/${record.id}/download`, {
    headers: { cookie: user.cookie },
  });
  expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

  const before = await stored();
  expect(before.chunks).toBeGreaterThanOrEqual(3);
  // A ragged row at the end: chunks were written before the error was found.
  const ragged = encode(`id,group\n${rows}\n1,2,3\n`);
  const refused = await uploadBytes(server.url, user, ragged);
  expect(refused.status).toBe(422);
  expect(await stored()).toEqual(before);
});
