/**
 * Review requests: an editor asks members (commenter or higher) to review a version; each reviewer
 * approves or requests changes. Asking someone again starts a new round for them: their earlier
 * decision is cleared.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReviewDecision } from '../../shared/api/schemas.ts';
import type { Db } from '../db/database.ts';
import { pipelineMembers, reviewRequests, users } from '../db/schema.ts';
import { roleAtLeast } from '../pipelines/access.ts';

export type ReviewerProblems = Record<string, string>;

export type RequestReviewsResult =
  | { ok: true; requestIds: string[] }
  | { ok: false; problems: ReviewerProblems };

export async function requestReviews(
  db: Db,
  request: { versionId: string; pipelineId: string; requesterId: string; usernames: readonly string[] },
): Promise<RequestReviewsResult> {
  const wanted = [...new Map(request.usernames.map((name) => [name.toLowerCase(), name])).values()];
  const rows = await db
    .select({ id: users.id, username: users.username, role: pipelineMembers.role })
    .from(users)
    .leftJoin(
      pipelineMembers,
      and(eq(pipelineMembers.userId, users.id), eq(pipelineMembers.pipelineId, request.pipelineId)),
    )
    .where(
      inArray(
        sql`lower(${users.username})`,
        wanted.map((name) => name.toLowerCase()),
      ),
    );
  const byName = new Map(rows.map((row) => [row.username.toLowerCase(), row]));

  // Someone who is not on the pipeline gets the same answer as someone who does not exist:
  // the request must not reveal which accounts exist.
  const problems: ReviewerProblems = {};
  const reviewerIds: string[] = [];
  for (const name of wanted) {
    const row = byName.get(name.toLowerCase());
    if (!row?.role) problems[name] = `"${name}" is not a member of this pipeline`;
    else if (!roleAtLeast(row.role, 'commenter')) problems[name] = `"${name}" is a viewer and cannot review`;
    else if (row.id === request.requesterId) problems[name] = 'Ask someone other than yourself';
    else reviewerIds.push(row.id);
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const saved = await db
    .insert(reviewRequests)
    .values(
      reviewerIds.map((reviewerId) => ({
        versionId: request.versionId,
        reviewerId,
        requestedBy: request.requesterId,
      })),
    )
    .onConflictDoUpdate({
      target: [reviewRequests.versionId, reviewRequests.reviewerId],
      set: {
        requestedBy: request.requesterId,
        requestedAt: sql`now()`,
        decision: null,
        decidedAt: null,
        comment: null,
      },
    })
    .returning({ id: reviewRequests.id });
  return { ok: true, requestIds: saved.map((row) => row.id) };
}

/** Records the reviewer's decision; null when they were not asked to review this version. */
export async function decideReview(
  db: Db,
  review: { versionId: string; reviewerId: string; decision: ReviewDecision; comment: string | null },
): Promise<string | null> {
  const [row] = await db
    .update(reviewRequests)
    .set({ decision: review.decision, comment: review.comment, decidedAt: sql`now()` })
    .where(
      and(eq(reviewRequests.versionId, review.versionId), eq(reviewRequests.reviewerId, review.reviewerId)),
    )
    .returning({ id: reviewRequests.id });
  return row?.id ?? null;
}
