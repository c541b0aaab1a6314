/**
 * Pipeline membership: listing, granting or changing a role, and removing (or leaving).
 *
 * Changes run in a transaction that first locks the pipeline row, so two owners demoting each
 * other at the same moment are serialized and the second one sees that only one owner is left:
 * a pipeline never ends up without an owner.
 */
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { Member } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { pipelineMembers, pipelines, users } from '../db/schema.ts';
import { compareRoles, getRole } from './access.ts';

export type MemberChangeProblem =
  /** The pipeline does not exist or the actor has no role on it (the two are indistinguishable). */
  | 'pipeline_not_found'
  /** Only owners manage members (anyone may remove themselves). */
  | 'forbidden'
  | 'user_not_found'
  | 'not_a_member'
  /** The change would leave the pipeline without an owner. */
  | 'last_owner';

export type MemberChangeResult<T> = { ok: true; value: T } | { ok: false; problem: MemberChangeProblem };

/** Whom a role change is about: an existing member by id, or anyone (new member) by username. */
export type MemberTarget = { userId: string } | { username: string };

export async function listMembers(db: Db, pipelineId: string): Promise<Member[]> {
  const rows = await db
    .select({ userId: pipelineMembers.userId, username: users.username, role: pipelineMembers.role })
    .from(pipelineMembers)
    .innerJoin(users, eq(users.id, pipelineMembers.userId))
    .where(eq(pipelineMembers.pipelineId, pipelineId));
  return rows.sort((a, b) => compareRoles(a.role, b.role) || a.username.localeCompare(b.username));
}

/** Grants `role` to the target (adding them when `target` is a username), as `actorId`. Owners only. */
export function setMemberRole(
  db: Db,
  request: { pipelineId: string; actorId: string; target: MemberTarget; role: MemberRole },
): Promise<MemberChangeResult<Member>> {
  const { pipelineId, actorId, target, role } = request;
  return db.transaction(async (tx) => {
    const pipeline = await lockPipeline(tx, pipelineId);
    const actorRole = pipeline && (await getRole(tx, pipelineId, actorId));
    if (!pipeline || !actorRole) return failure('pipeline_not_found');
    if (actorRole !== 'owner') return failure('forbidden');

    const user = await findTargetUser(tx, target);
    if (!user) return failure('user_not_found');
    const currentRole = await getRole(tx, pipelineId, user.id);
    if ('userId' in target && !currentRole) return failure('not_a_member');
    if (currentRole === 'owner' && role !== 'owner' && (await countOwners(tx, pipelineId)) <= 1) {
      return failure('last_owner');
    }

    await tx
      .insert(pipelineMembers)
      .values({ pipelineId, userId: user.id, role })
      .onConflictDoUpdate({ target: [pipelineMembers.pipelineId, pipelineMembers.userId], set: { role } });
    if (role !== 'owner') await handOverOwnerOfRecord(tx, pipelineId, pipeline.ownerId, user.id);
    return { ok: true, value: { userId: user.id, username: user.username, role } };
  });
}

/** Removes `userId` from the pipeline: an owner may remove anyone, any member may remove themselves. */
export function removeMember(
  db: Db,
  request: { pipelineId: string; actorId: string; userId: string },
): Promise<MemberChangeResult<null>> {
  const { pipelineId, actorId, userId } = request;
  return db.transaction(async (tx) => {
    const pipeline = await lockPipeline(tx, pipelineId);
    const actorRole = pipeline && (await getRole(tx, pipelineId, actorId));
    if (!pipeline || !actorRole) return failure('pipeline_not_found');
    if (actorId !== userId && actorRole !== 'owner') return failure('forbidden');

    const targetRole = await getRole(tx, pipelineId, userId);
    if (!targetRole) return failure('not_a_member');
    if (targetRole === 'owner' && (await countOwners(tx, pipelineId)) <= 1) return failure('last_owner');

    await tx
      .delete(pipelineMembers)
      .where(and(eq(pipelineMembers.pipelineId, pipelineId), eq(pipelineMembers.userId, userId)));
    await handOverOwnerOfRecord(tx, pipelineId, pipeline.ownerId, userId);
    return { ok: true, value: null };
  });
}

function failure(problem: MemberChangeProblem): { ok: false; problem: MemberChangeProblem } {
  return { ok: false, problem };
}

/** `SELECT … FOR UPDATE` on the pipeline: membership changes of one pipeline run one at a time. */
async function lockPipeline(db: Db, pipelineId: string) {
  const [row] = await db
    .select({ ownerId: pipelines.ownerId })
    .from(pipelines)
    .where(eq(pipelines.id, pipelineId))
    .for('update');
  return row;
}

async function findTargetUser(db: Db, target: MemberTarget) {
  const where =
    'userId' in target
      ? eq(users.id, target.userId)
      : sql`lower(${users.username}) = lower(${target.username})`;
  const [row] = await db.select({ id: users.id, username: users.username }).from(users).where(where).limit(1);
  return row;
}

async function countOwners(db: Db, pipelineId: string): Promise<number> {
  const [row] = await db
    .select({ owners: count() })
    .from(pipelineMembers)
    .where(and(eq(pipelineMembers.pipelineId, pipelineId), eq(pipelineMembers.role, 'owner')));
  return row?.owners ?? 0;
}

/**
 * `pipelines.owner_id` names the owner shown in lists. When that person stops being an owner, the
 * longest-standing remaining owner takes their place (there always is one: see `last_owner`).
 */
async function handOverOwnerOfRecord(
  db: Db,
  pipelineId: string,
  ownerOfRecord: string,
  formerOwnerId: string,
) {
  if (ownerOfRecord !== formerOwnerId) return;
  const [successor] = await db
    .select({ userId: pipelineMembers.userId })
    .from(pipelineMembers)
    .where(
      and(
        eq(pipelineMembers.pipelineId, pipelineId),
        eq(pipelineMembers.role, 'owner'),
        ne(pipelineMembers.userId, formerOwnerId),
      ),
    )
    .orderBy(asc(pipelineMembers.createdAt), asc(pipelineMembers.userId))
    .limit(1);
  if (successor)
    await db.update(pipelines).set({ ownerId: successor.userId }).where(eq(pipelines.id, pipelineId));
}
