/**
 * Uploads that break off: a client that goes away mid-file leaves no row and no file (partial
 * or whole), and the server goes on serving. Uploads running side by side do not mix.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import { registerUser } from './helpers/accounts.ts';
import { uploadBytes, useDatasetServer } from './helpers/datasets.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('interrupted uploads', () => {
  test('a client that aborts mid-upload leaves nothing behind', async () => {
    const server = await useDatasetServer();
    const user = await registerUser(server.url);
    const controller = new AbortController();
    const aborted = new Promise<void>((resolve) =>
      controller.signal.addEventListener('abort', () => resolve()),
    );
    const chunk = encode('1,2\n'.repeat(16 * 1024)); // 64 KB of rows
    let sent = 0;
    // 2 MB, then the client stalls until it gives up: the server is mid-file when it does.
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        if (sent === 0) stream.enqueue(encode('a,b\n'));
        if (sent === 32) {
          await aborted;
          return stream.close();
        }
        sent += 1;
        stream.enqueue(chunk);
      },
    });
    const upload = uploadBytes(
      server.url,
      user,
      body,
      { name: 'Cut off', fileName: 'cut.csv' },
      { signal: controller.signal },
    ).then(
      (response) => response.status,
      (error: unknown) => (error as Error).name,
    );
    // Wait (by polling the directory, not by sleeping) until the partial file holds most of it.
    const partialSize = () =>
      server
        .blobFiles()
        .filter((file) => file.endsWith('.partial'))
        .map((file) => statSync(path.join(server.blobDir, file)).size)[0] ?? 0;
    await expect.poll(partialSize, { timeout: 15_000 }).toBeGreaterThan(1024 * 1024);

    controller.abort();
    expect(await upload).toBe('AbortError');
    await expect.poll(() => server.blobFiles(), { timeout: 15_000 }).toEqual([]);
    expect(await server.rowCounts()).toEqual({ datasets: 0, attachments: 0 });

    // The server is fine afterwards.
    const after = await uploadBytes(server.url, user, encode('a,b\n1,2\n'));
    expect(after.status).toBe(201);
  });

  test('uploads side by side each get their own bytes', async () => {
    const server = await useDatasetServer();
    const user = await registerUser(server.url);
    const files = Array.from({ length: 4 }, (_, i) =>
      encode(`id,value\n${Array.from({ length: 20_000 }, (_, row) => `${row},${i}`).join('\n')}\n`),
    );
    const records = await Promise.all(
      files.map(async (bytes, i) => {
        const response = await uploadBytes(server.url, user, bytes, {
          name: `Part ${i}`,
          fileName: `p${i}.csv`,
        });
        expect(response.status).toBe(201);
        return (await response.json()) as DatasetRecord;
      }),
    );
    for (const [i, record] of records.entries()) {
      const value = record.profile.columns.find((c) => c.name === 'value')!;
      expect(value.top).toEqual([{ value: String(i), count: 20_000 }]);
      const download = await fetch(`${server.url}/api/datasets/${record.id}/download`, {
        headers: { cookie: user.cookie },
      });
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(files[i]);
    }
  });
});
