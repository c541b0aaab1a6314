/**
 * The access rule of `/api/runs/:id…`, as for pipelines and versions: anonymous → 401; a malformed
 * id, an unknown run, or one on a pipeline the caller has no role on → 404 (the same answer, so
 * nothing leaks); a role below what the action needs → 403.
 */
import type { Context } from 'hono';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { User } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { roleAtLeast } from '../pipelines/access.ts';
import { findRunForUser, type RunRef } from '../runs/run-queries.ts';
import { notFound } from './errors.ts';
import { roleTooLow } from './pipeline-access.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';

export const runNotFound = () => notFound('Run not found');

export interface RunAccess {
  user: User;
  run: RunRef;
  role: MemberRole;
}

export async function requireRunRole(
  c: Context<AppEnv>,
  db: Db,
  minimum: MemberRole,
  action: string,
): Promise<RunAccess> {
  const user = requireUser(c);
  const found = await findRunForUser(db, c.req.param('id') ?? '', user.id);
  if (!found) throw runNotFound();
  if (!roleAtLeast(found.role, minimum)) throw roleTooLow(minimum, action);
  return { user, ...found };
}
