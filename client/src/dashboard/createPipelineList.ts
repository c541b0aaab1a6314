/** One page of the caller's pipelines for the current search, tag and offset. */
import type { PipelineSummary } from '../../../shared/api/types.ts';
import type { PipelinesApi } from '../api/pipelines.ts';
import { createPagedList, type PagedList } from '../lib/create-paged-list.ts';
import { PAGE_SIZE } from './createDashboardParams.ts';

export interface PipelineListQuery {
  q: string;
  tag: string | undefined;
  offset: number;
}

export type PipelineList = PagedList<PipelineSummary>;

export function createPipelineList(api: PipelinesApi, query: () => PipelineListQuery): PipelineList {
  return createPagedList(
    query,
    ({ q, tag, offset }) => api.list({ q: q || undefined, tag, offset, limit: PAGE_SIZE }),
    PAGE_SIZE,
  );
}
