/**
 * Opening a pipeline: the server's summary (name, caller's role) when reachable, else the copy
 * this device saved the last time it was open, so a pipeline opened before also opens offline.
 */
import { type Accessor, createResource } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { ApiRequestError, describeError } from '../api/errors.ts';
import type { PipelinesApi } from '../api/pipelines.ts';
import { makeLocalDatabaseName } from '../sync/local-store.ts';

export type PipelineAccess =
  | { kind: 'loading' }
  | { kind: 'ready'; summary: PipelineSummary; fromCache: boolean }
  /** Deleted, or the person is not a member: the server does not say which. */
  | { kind: 'not-found' }
  /** Offline, and this pipeline was never opened on this device by this person. */
  | { kind: 'offline-unknown' }
  | { kind: 'error'; message: string };

export interface PipelineAccessResource {
  access: Accessor<PipelineAccess>;
  retry(): void;
}

function cacheKey(userId: string, pipelineId: string): string {
  return `${makeLocalDatabaseName(userId, pipelineId)}:summary`;
}

export function readCachedSummary(
  storage: Storage,
  userId: string,
  pipelineId: string,
): PipelineSummary | null {
  try {
    const raw = storage.getItem(cacheKey(userId, pipelineId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSummary(parsed) && parsed.id === pipelineId ? parsed : null;
  } catch {
    return null;
  }
}

function writeCachedSummary(storage: Storage, userId: string, summary: PipelineSummary): void {
  try {
    storage.setItem(cacheKey(userId, summary.id), JSON.stringify(summary));
  } catch {
    // Full or disabled storage only costs the offline start of this pipeline.
  }
}

function isSummary(value: unknown): value is PipelineSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.name === 'string' && typeof v.role === 'string';
}

export async function loadPipelineAccess(
  pipelines: Pick<PipelinesApi, 'get'>,
  storage: Storage,
  userId: string,
  pipelineId: string,
): Promise<PipelineAccess> {
  try {
    const summary = await pipelines.get(pipelineId);
    writeCachedSummary(storage, userId, summary);
    return { kind: 'ready', summary, fromCache: false };
  } catch (error) {
    if (error instanceof ApiRequestError && (error.status === 404 || error.status === 403)) {
      return { kind: 'not-found' };
    }
    if (error instanceof ApiRequestError && error.code === 'network_error') {
      const cached = readCachedSummary(storage, userId, pipelineId);
      return cached ? { kind: 'ready', summary: cached, fromCache: true } : { kind: 'offline-unknown' };
    }
    return { kind: 'error', message: describeError(error) };
  }
}

export function createPipelineAccess(
  pipelines: Pick<PipelinesApi, 'get'>,
  userId: Accessor<string>,
  pipelineId: Accessor<string>,
): PipelineAccessResource {
  const [resource, { refetch }] = createResource(
    () => ({ userId: userId(), pipelineId: pipelineId() }),
    (key) => loadPipelineAccess(pipelines, localStorage, key.userId, key.pipelineId),
  );
  return {
    access: () => (resource.state === 'ready' ? resource() : { kind: 'loading' }),
    retry: () => void refetch(),
  };
}
