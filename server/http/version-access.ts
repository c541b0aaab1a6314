/**
 * The access rule of `/api/versions/:id…` and `/api/comments/:id…`, as for pipelines: anonymous →
 * 401; a malformed id, an unknown record, or one on a pipeline the caller has no role on → 404
 * (the same answer, so nothing leaks); a role below what the action needs → 403.
 */
import type { Context } from 'hono';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { User } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { roleAtLeast } from '../pipelines/access.ts';
import { type CommentRef, findCommentForUser } from '../versions/comments.ts';
import { findVersionForUser, type VersionRef } from '../versions/version-queries.ts';
import { notFound } from './errors.ts';
import { roleTooLow } from './pipeline-access.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';

export const versionNotFound = () => notFound('Version not found');
export const commentNotFound = () => notFound('Comment not found');

export interface VersionAccess {
  user: User;
  version: VersionRef;
  role: MemberRole;
}

export async function requireVersionRole(
  c: Context<AppEnv>,
  db: Db,
  minimum: MemberRole,
  action: string,
): Promise<VersionAccess> {
  const user = requireUser(c);
  const found = await findVersionForUser(db, c.req.param('id') ?? '', user.id);
  if (!found) throw versionNotFound();
  if (!roleAtLeast(found.role, minimum)) throw roleTooLow(minimum, action);
  return { user, ...found };
}

/** A version named in a query (compare, comments' `relativeTo`) that the user can read, or a 404. */
export async function readableVersion(db: Db, user: User, versionId: string): Promise<VersionRef> {
  const found = await findVersionForUser(db, versionId, user.id);
  if (!found) throw versionNotFound();
  return found.version;
}

export interface CommentAccess {
  user: User;
  comment: CommentRef;
  role: MemberRole;
}

/** The comment and the caller's role on its pipeline; role rules are the caller's to apply. */
export async function requireCommentAccess(c: Context<AppEnv>, db: Db): Promise<CommentAccess> {
  const user = requireUser(c);
  const found = await findCommentForUser(db, c.req.param('id') ?? '', user.id);
  if (!found) throw commentNotFound();
  return { user, ...found };
}
