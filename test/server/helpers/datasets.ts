/**
 * Dataset test helpers: the team's sample CSVs, uploading raw bytes as a browser would, and a
 * server whose blobs live in a temporary directory the test can list ("nothing half-stored").
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { createFsBlobStore } from '../../../server/blobs/fs-blob-store.ts';
import type { ServerConfig } from '../../../server/config.ts';
import { datasets, pipelineDatasets } from '../../../server/db/schema.ts';
import type { DatasetUploadQuery } from '../../../shared/api/datasets.ts';
import type { TestUser } from './accounts.ts';
import { startTestServer } from './test-server.ts';

/** `../shared/data` beside the checkout: penguins, titanic, tips (read-only). */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');

export type DatasetTestServer = Awaited<ReturnType<typeof startDatasetServer>>;

/** A test server with blobs in a fresh directory; `blobFiles()` lists every file left in it. */
export async function startDatasetServer(config: Partial<ServerConfig> = {}) {
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-dataset-blobs-'));
  const server = await startTestServer({ config, blobs: createFsBlobStore(blobDir) });
  return {
    ...server,
    blobDir,
    /** Paths relative to the blob directory, partial writes included. */
    blobFiles: () =>
      readdirSync(blobDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(blobDir, path.join(entry.parentPath, entry.name)))
        .sort(),
    /** Rows in `datasets` and `pipeline_datasets`. */
    async rowCounts() {
      const { db } = server.context.database;
      const [[d], [a]] = await Promise.all([
        db.select({ n: count() }).from(datasets),
        db.select({ n: count() }).from(pipelineDatasets),
      ]);
      return { datasets: d?.n ?? 0, attachments: a?.n ?? 0 };
    },
    async close() {
      await server.close();
      await server.database.drop();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

/** Like startDatasetServer, closed when the test ends. */
export async function useDatasetServer(config: Partial<ServerConfig> = {}) {
  const server = await startDatasetServer(config);
  onTestFinished(() => server.close());
  return server;
}

/** One dataset server for a whole file (or `describe`); the accessor is valid inside tests. */
export function useSuiteDatasetServer(config: Partial<ServerConfig> = {}): () => DatasetTestServer {
  let server: DatasetTestServer | undefined;
  beforeAll(async () => {
    server = await startDatasetServer(config);
  });
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error('the suite server is only available inside tests');
    return server;
  };
}

export function uploadUrl(baseUrl: string, query: Partial<Record<keyof DatasetUploadQuery, string>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  return `${baseUrl}/api/datasets?${params}`;
}

/** POSTs the bytes as the body, same-origin, with the user's session. */
export function uploadBytes(
  baseUrl: string,
  user: TestUser | null,
  body: BodyInit | null,
  query: Partial<Record<keyof DatasetUploadQuery, string>> = { name: 'Data', fileName: 'data.csv' },
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(uploadUrl(baseUrl, query), {
    method: 'POST',
    headers: {
      origin: baseUrl,
      'content-type': 'text/csv',
      ...(user ? { cookie: user.cookie } : {}),
      ...init.headers,
    },
    body,
    signal: init.signal,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}
