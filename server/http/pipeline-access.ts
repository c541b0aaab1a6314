/**
 * The access rule every `/api/pipelines/:id…` route applies before anything else: anonymous → 401;
 * a malformed id or a pipeline the caller has no role on → 404 (never 403, which would confirm it
 * exists); a role below what the action needs → 403.
 */
import type { Context } from 'hono';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { User } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { getRole, roleAtLeast } from '../pipelines/access.ts';
import { ApiError, notFound } from './errors.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';

export interface PipelineAccess {
  user: User;
  pipelineId: string;
  role: MemberRole;
}

const WHO_MAY: Record<MemberRole, string> = {
  owner: 'Only owners',
  editor: 'Only editors and owners',
  commenter: 'Only commenters, editors and owners',
  viewer: 'Only members',
};

export const pipelineNotFound = () => notFound('Pipeline not found');

/** The 403 for a member whose role is below `minimum`, e.g. "Only editors and owners can delete versions". */
export function roleTooLow(minimum: MemberRole, action: string): ApiError {
  return new ApiError(403, 'forbidden', `${WHO_MAY[minimum]} can ${action}`);
}

export async function requirePipelineRole(
  c: Context<AppEnv>,
  db: Db,
  minimum: MemberRole,
  action: string,
): Promise<PipelineAccess> {
  const user = requireUser(c);
  const pipelineId = c.req.param('id') ?? '';
  const role = await getRole(db, pipelineId, user.id);
  if (!role) throw pipelineNotFound();
  if (!roleAtLeast(role, minimum)) throw roleTooLow(minimum, action);
  return { user, pipelineId, role };
}
