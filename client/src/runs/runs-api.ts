/** `/api/pipelines/:id/runs`, `/api/runs/:id/…` and `/api/versions/:id/metrics` (issue 6), typed. */
import type {
  RunCreateRequest,
  RunDetail,
  RunLogFormat,
  RunLogPage,
  RunSummary,
  VersionMetrics,
} from '../../../shared/api/runs.ts';
import type { Page } from '../../../shared/api/types.ts';
import type { HttpClient } from '../api/http.ts';

export interface RunsApi {
  start(pipelineId: string, body?: RunCreateRequest): Promise<RunDetail>;
  list(pipelineId: string, signal?: AbortSignal): Promise<Page<RunSummary>>;
  get(runId: string, signal?: AbortSignal): Promise<RunDetail>;
  logs(runId: string, query: { after: number; limit?: number }, signal?: AbortSignal): Promise<RunLogPage>;
  cancel(runId: string): Promise<RunDetail>;
  versionMetrics(versionId: string, signal?: AbortSignal): Promise<VersionMetrics>;
}

const runPath = (runId: string) => `/api/runs/${encodeURIComponent(runId)}`;

/** A plain link (the browser downloads it with the session cookie and the server's file name). */
export function runLogDownloadUrl(runId: string, format: RunLogFormat): string {
  return `${runPath(runId)}/logs/download?format=${format}`;
}

export function makeRunsApi(http: HttpClient): RunsApi {
  return {
    start(pipelineId, body = {}) {
      return http.request('POST', `/api/pipelines/${encodeURIComponent(pipelineId)}/runs`, { body });
    },
    list(pipelineId, signal) {
      return http.request('GET', `/api/pipelines/${encodeURIComponent(pipelineId)}/runs`, {
        query: { limit: 100 },
        signal,
      });
    },
    get(runId, signal) {
      return http.request('GET', runPath(runId), { signal });
    },
    logs(runId, query, signal) {
      return http.request('GET', `${runPath(runId)}/logs`, {
        query: { after: query.after, limit: query.limit },
        signal,
      });
    },
    cancel(runId) {
      return http.request('POST', `${runPath(runId)}/cancel`, { body: {} });
    },
    versionMetrics(versionId, signal) {
      return http.request('GET', `/api/versions/${encodeURIComponent(versionId)}/metrics`, { signal });
    },
  };
}
