/**
 * `/api/datasets` and `/api/pipelines/:id/datasets` (issue 7, shared/api/datasets.ts), typed.
 * Uploads do not go through here: they need upload progress, which fetch cannot report
 * (see xhr-upload.ts).
 */
import type {
  DatasetList,
  DatasetPipelineRef,
  DatasetRecord,
  DatasetSummary,
} from '../../../shared/api/datasets.ts';
import { ApiRequestError } from '../api/errors.ts';
import type { HttpClient } from '../api/http.ts';

/** Query of `GET /api/datasets` (server defaults: limit 50, offset 0). */
export interface DatasetListParams {
  q?: string;
  limit?: number;
  offset?: number;
}

export interface DatasetsApi {
  list(query: DatasetListParams, signal?: AbortSignal): Promise<DatasetList>;
  get(id: string, signal?: AbortSignal): Promise<DatasetRecord>;
  rename(id: string, name: string): Promise<DatasetRecord>;
  remove(id: string): Promise<void>;
  /** The datasets attached to a pipeline, with their profiles. */
  forPipeline(pipelineId: string, signal?: AbortSignal): Promise<DatasetRecord[]>;
  /** Attaches (idempotent) and answers the dataset as the pipeline now sees it. */
  attach(pipelineId: string, datasetId: string): Promise<DatasetRecord>;
  detach(pipelineId: string, datasetId: string): Promise<void>;
}

export const datasetPath = (id: string) => `/api/datasets/${encodeURIComponent(id)}`;
const pipelineDatasetsPath = (pipelineId: string) =>
  `/api/pipelines/${encodeURIComponent(pipelineId)}/datasets`;

/** A plain link: the browser downloads the file with the session cookie and the server's file name. */
export function datasetDownloadUrl(id: string): string {
  return `${datasetPath(id)}/download`;
}

/** The app's page of a dataset's profile. */
export function datasetPageHref(id: string): string {
  return `/datasets/${encodeURIComponent(id)}`;
}

export function makeDatasetsApi(http: HttpClient): DatasetsApi {
  return {
    list(query, signal) {
      const { q, limit, offset } = query;
      return http.request('GET', '/api/datasets', {
        query: { q, limit, offset },
        signal,
      });
    },
    get(id, signal) {
      return http.request('GET', datasetPath(id), { signal });
    },
    rename(id, name) {
      return http.request('PATCH', datasetPath(id), { body: { name } });
    },
    async remove(id) {
      await http.request<void>('DELETE', datasetPath(id));
    },
    async forPipeline(pipelineId, signal) {
      const answer = await http.request<{ datasets: DatasetRecord[] }>(
        'GET',
        pipelineDatasetsPath(pipelineId),
        { signal },
      );
      return answer.datasets;
    },
    attach(pipelineId, datasetId) {
      return http.request('PUT', `${pipelineDatasetsPath(pipelineId)}/${encodeURIComponent(datasetId)}`);
    },
    async detach(pipelineId, datasetId) {
      await http.request<void>(
        'DELETE',
        `${pipelineDatasetsPath(pipelineId)}/${encodeURIComponent(datasetId)}`,
      );
    },
  };
}

/** Whether a list entry is the caller's own (rename, delete). */
export const ownsDataset = (dataset: DatasetSummary) => dataset.access === 'owner';

/**
 * Where a dataset the server refused to delete is in use (the `attached` member of its 409, which
 * only the owner gets): every pipeline's id, the owner's own pipelines by name, how many others.
 */
export interface DatasetAttachments {
  pipelineIds: string[];
  visible: DatasetPipelineRef[];
  hidden: number;
}

/** The attachments a delete was refused for, or null for any other failure. */
export function attachmentsOf(error: unknown): DatasetAttachments | null {
  if (!(error instanceof ApiRequestError) || error.status !== 409) return null;
  const attached = error.details.attached;
  if (typeof attached !== 'object' || attached === null) return null;
  const { pipelineIds, visible, hidden } = attached as Record<string, unknown>;
  if (!Array.isArray(pipelineIds) || !pipelineIds.every((id) => typeof id === 'string')) return null;
  if (pipelineIds.length === 0) return null;
  const refs = Array.isArray(visible)
    ? visible.filter(
        (ref): ref is DatasetPipelineRef =>
          typeof ref === 'object' &&
          ref !== null &&
          typeof (ref as DatasetPipelineRef).id === 'string' &&
          typeof (ref as DatasetPipelineRef).name === 'string',
      )
    : [];
  return {
    pipelineIds,
    visible: refs,
    hidden: typeof hidden === 'number' && hidden >= 0 ? hidden : pipelineIds.length - refs.length,
  };
}
