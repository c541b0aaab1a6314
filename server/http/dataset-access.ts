/**
 * The access rule of `/api/datasets/:id…`, as for pipelines: anonymous → 401; a malformed id, an
 * unknown dataset, or one the caller may not read → 404 (the same answer, so nothing leaks); a
 * reader asking for what only the owner may do → 403.
 */
import type { Context } from 'hono';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { User } from '../../shared/api/types.ts';
import { type DatasetRef, findDatasetForUser } from '../datasets/access.ts';
import type { Db } from '../db/database.ts';
import { getRole, roleAtLeast } from '../pipelines/access.ts';
import { ApiError, notFound } from './errors.ts';
import { pipelineNotFound, roleTooLow } from './pipeline-access.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';

export const datasetNotFound = () => notFound('Dataset not found');

export interface DatasetAccessResult {
  user: User;
  dataset: DatasetRef;
}

/** The dataset named by `:id` (or `param`) that the caller may read; `owner` demands ownership. */
export async function requireDataset(
  c: Context<AppEnv>,
  db: Db,
  options: { owner?: { action: string }; param?: string } = {},
): Promise<DatasetAccessResult> {
  const user = requireUser(c);
  const found = await findDatasetForUser(db, c.req.param(options.param ?? 'id') ?? '', user.id);
  if (!found) throw datasetNotFound();
  if (options.owner && found.access !== 'owner') {
    throw new ApiError(403, 'forbidden', `Only its owner can ${options.owner.action} a dataset`);
  }
  return { user, dataset: found.dataset };
}

/** Like `requirePipelineRole`, for a pipeline named elsewhere than `:id` (the upload's query). */
export async function requireRoleOnPipeline(
  db: Db,
  user: User,
  pipelineId: string,
  minimum: MemberRole,
  action: string,
): Promise<void> {
  const role = await getRole(db, pipelineId, user.id);
  if (!role) throw pipelineNotFound();
  if (!roleAtLeast(role, minimum)) throw roleTooLow(minimum, action);
}
