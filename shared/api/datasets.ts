/**
 * The datasets API (issue 7): request schemas and response shapes, shared by the server routes and
 * the client. Uploads are the raw file bytes as the request body (never multipart, never JSON), so
 * the server can stream them to storage and profile them on the way without buffering the file.
 *
 * - `POST /api/datasets?name=&fileName=[&pipeline=]` body: the CSV bytes → 201 `DatasetRecord`.
 *   `pipeline` attaches it to that pipeline at once (needs editor or owner there).
 *   413 `payload_too_large` past the size limit, 422 `csv_invalid` (message names the line) for
 *   what cannot be read; in both cases nothing is stored.
 * - `GET /api/datasets?q=&limit=&offset=` → `DatasetList`: the caller's own datasets and those
 *   attached to pipelines the caller is a member of.
 * - `GET /api/datasets/:id` → `DatasetRecord`; `GET /api/datasets/:id/download` → the file.
 * - `PATCH /api/datasets/:id` `{name}` (owner) → `DatasetRecord`.
 * - `DELETE /api/datasets/:id` (owner) → 204; 409 `conflict` while pipelines use it.
 * - `GET /api/pipelines/:id/datasets` (any member) → `{ datasets: DatasetRecord[] }`.
 * - `PUT|DELETE /api/pipelines/:id/datasets/:datasetId` (editor or owner) → attach / detach.
 *   PUT (the caller must be able to read the dataset) → 200 `DatasetRecord`, the same when it was
 *   already attached; DELETE → 204, also when it was not attached.
 */
import { z } from 'zod';
import type { DatasetProfile } from '../datasets/profile/types.ts';

export const DATASET_LIMITS = {
  nameMax: 120,
  fileNameMax: 200,
  /** Default upload limit; the server's DATASET_MAX_BYTES overrides it. */
  defaultMaxBytes: 200 * 1024 * 1024,
  listMax: 100,
} as const;

/** Names are for people: trimmed, no control characters. */
const datasetName = z
  .string()
  .trim()
  .min(1, 'Give the dataset a name')
  .max(DATASET_LIMITS.nameMax, `At most ${DATASET_LIMITS.nameMax} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'Names cannot contain control characters');

export const datasetUploadQuerySchema = z.object({
  name: datasetName,
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(DATASET_LIMITS.fileNameMax)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .refine((value) => !/[\u0000-\u001f\u007f/\\]/.test(value), 'A file name, without folders'),
  pipeline: z.uuid().optional(),
});
export type DatasetUploadQuery = z.input<typeof datasetUploadQuerySchema>;

export const datasetPatchSchema = z.object({ name: datasetName });
export type DatasetPatchRequest = z.input<typeof datasetPatchSchema>;

export const datasetListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(DATASET_LIMITS.listMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DatasetListQuery = z.input<typeof datasetListQuerySchema>;

export interface DatasetPipelineRef {
  id: string;
  name: string;
}

export interface DatasetSummary {
  id: string;
  name: string;
  fileName: string;
  sizeBytes: number;
  rows: number;
  columns: number;
  owner: { id: string; username: string };
  /** `owner`: the caller owns it (may rename, delete); `shared`: readable through a pipeline. */
  access: 'owner' | 'shared';
  /** Pipelines it is attached to, among those the caller can see. */
  pipelines: DatasetPipelineRef[];
  createdAt: string;
  updatedAt: string;
}

export interface DatasetRecord extends DatasetSummary {
  profile: DatasetProfile;
}

export interface DatasetList {
  datasets: DatasetSummary[];
  total: number;
}
