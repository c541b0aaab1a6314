/** `/api/pipelines`: the caller's pipelines (search, tag filter, pages) and their metadata. */
import type { PipelineCreateRequest, PipelinePatchRequest } from '../../../shared/api/schemas.ts';
import type { Page, PipelineSummary } from '../../../shared/api/types.ts';
import type { HttpClient } from './http.ts';

/** Query of `GET /api/pipelines` (server defaults: limit 20, offset 0). */
export interface PipelineListParams {
  q?: string;
  tag?: string;
  limit?: number;
  offset?: number;
}

export interface PipelinesApi {
  list(query: PipelineListParams, signal?: AbortSignal): Promise<Page<PipelineSummary>>;
  create(body: PipelineCreateRequest): Promise<PipelineSummary>;
  get(id: string): Promise<PipelineSummary>;
  update(id: string, body: PipelinePatchRequest): Promise<PipelineSummary>;
  remove(id: string): Promise<void>;
}

const pipelinePath = (id: string) => `/api/pipelines/${encodeURIComponent(id)}`;

export function makePipelinesApi(http: HttpClient): PipelinesApi {
  return {
    list(query, signal) {
      const { q, tag, limit, offset } = query;
      return http.request('GET', '/api/pipelines', { query: { q, tag, limit, offset }, signal });
    },
    create(body) {
      return http.request('POST', '/api/pipelines', { body });
    },
    get(id) {
      return http.request('GET', pipelinePath(id));
    },
    update(id, body) {
      return http.request('PATCH', pipelinePath(id), { body });
    },
    async remove(id) {
      await http.request<void>('DELETE', pipelinePath(id));
    },
  };
}
