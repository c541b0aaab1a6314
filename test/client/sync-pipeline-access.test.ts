import { describe, expect, it } from 'vitest';
import { ApiRequestError, makeNetworkError } from '../../client/src/api/errors.ts';
import { loadPipelineAccess } from '../../client/src/pipeline/create-pipeline-access.ts';
import type { PipelineSummary } from '../../shared/api/types.ts';

const SUMMARY: PipelineSummary = {
  id: 'p1',
  name: 'Churn',
  description: '',
  tags: [],
  ownerId: 'u1',
  ownerUsername: 'alice',
  role: 'editor',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const answering = (summary: PipelineSummary) => ({ get: async () => summary });
const failing = (error: unknown) => ({
  get: async (): Promise<PipelineSummary> => {
    throw error;
  },
});

describe('loadPipelineAccess', () => {
  it('uses the server when it answers, and keeps a copy for offline starts', async () => {
    expect(await loadPipelineAccess(answering(SUMMARY), localStorage, 'u2', 'p1')).toEqual({
      kind: 'ready',
      summary: SUMMARY,
      fromCache: false,
    });
    expect(await loadPipelineAccess(failing(makeNetworkError()), localStorage, 'u2', 'p1')).toEqual({
      kind: 'ready',
      summary: SUMMARY,
      fromCache: true,
    });
  });

  it('keeps copies per person: another account on this browser gets nothing offline', async () => {
    await loadPipelineAccess(answering(SUMMARY), localStorage, 'u2', 'p1');
    expect(await loadPipelineAccess(failing(makeNetworkError()), localStorage, 'u3', 'p1')).toEqual({
      kind: 'offline-unknown',
    });
  });

  it('tells "not found or no access" from other failures', async () => {
    const notFound = new ApiRequestError(404, 'not_found', 'Pipeline not found');
    expect((await loadPipelineAccess(failing(notFound), localStorage, 'u2', 'p1')).kind).toBe('not-found');
    const broken = new ApiRequestError(500, 'internal', 'Something went wrong on the server');
    expect(await loadPipelineAccess(failing(broken), localStorage, 'u2', 'p1')).toEqual({
      kind: 'error',
      message: 'Something went wrong on the server',
    });
  });
});
