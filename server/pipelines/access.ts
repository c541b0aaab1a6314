/**
 * Who may do what on a pipeline. Roles are ordered — owner > editor > commenter > viewer — and
 * each can do everything the ones below it can. No role at all means the pipeline does not exist
 * as far as that user is concerned.
 */
import { and, eq } from 'drizzle-orm';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { Db } from '../db/database.ts';
import { pipelineMembers } from '../db/schema.ts';

const ROLE_RANK: Record<MemberRole, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and document names: anything else must not reach a `uuid` column (PostgreSQL would raise). */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export function roleAtLeast(role: MemberRole, minimum: MemberRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** Editors and owners change the pipeline document; commenters and viewers only read it. */
export function canEdit(role: MemberRole): boolean {
  return roleAtLeast(role, 'editor');
}

/** Highest role first, for listing members. */
export function compareRoles(a: MemberRole, b: MemberRole): number {
  return ROLE_RANK[b] - ROLE_RANK[a];
}

/** The user's role on the pipeline, or `null` when they have none or either id is not a uuid. */
export async function getRole(db: Db, pipelineId: string, userId: string): Promise<MemberRole | null> {
  if (!isUuid(pipelineId) || !isUuid(userId)) return null;
  const [row] = await db
    .select({ role: pipelineMembers.role })
    .from(pipelineMembers)
    .where(and(eq(pipelineMembers.pipelineId, pipelineId), eq(pipelineMembers.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}
