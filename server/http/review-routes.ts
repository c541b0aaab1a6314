/**
 * Review requests on a version (`/api/versions/:id/reviews`, issue 5): editors ask members with
 * the commenter role or higher to review; each asked reviewer (and only they) approves or requests
 * changes. The version's review state follows from the decisions (see `ReviewState`).
 */
import { Hono } from 'hono';
import { recordNotification } from '../../shared/api/notifications.ts';
import { reviewDecisionSchema, reviewRequestSchema } from '../../shared/api/schemas.ts';
import type { VersionReviews } from '../../shared/api/types.ts';
import type { ServerContext } from '../context.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { summarizeReviews } from '../versions/review-state.ts';
import { decideReview, requestReviews } from '../versions/reviews.ts';
import { listReviews, type VersionRef } from '../versions/version-queries.ts';
import { ApiError } from './errors.ts';
import type { AppEnv } from './session-middleware.ts';
import { readJson } from './validate.ts';
import { requireVersionRole, versionNotFound } from './version-access.ts';

export function reviewRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;

  routes.get('/', async (c) => {
    const { version } = await requireVersionRole(c, db, 'viewer', 'see reviews');
    return c.json(await reviewsOf(ctx, version));
  });

  routes.post('/', async (c) => {
    const { user, version } = await requireVersionRole(c, db, 'editor', 'ask for reviews');
    const { reviewers } = await readJson(c, reviewRequestSchema, maxBytes);
    let result: Awaited<ReturnType<typeof requestReviews>>;
    try {
      result = await requestReviews(db, {
        versionId: version.id,
        pipelineId: version.pipelineId,
        requesterId: user.id,
        usernames: reviewers,
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw versionNotFound(); // deleted meanwhile
      throw error;
    }
    if (!result.ok) {
      const fields = Object.fromEntries(
        Object.entries(result.problems).map(([name, why]) => [`reviewers.${name}`, why]),
      );
      throw new ApiError(400, 'validation_failed', Object.values(result.problems)[0]!, fields);
    }
    for (const id of result.requestIds) announce(ctx, version, id, 'requested');
    return c.json(await reviewsOf(ctx, version));
  });

  routes.post('/decision', async (c) => {
    const { user, version } = await requireVersionRole(c, db, 'commenter', 'review versions');
    const { decision, comment } = await readJson(c, reviewDecisionSchema, maxBytes);
    const id = await decideReview(db, {
      versionId: version.id,
      reviewerId: user.id,
      decision,
      comment: comment ?? null,
    });
    if (!id) throw new ApiError(403, 'forbidden', 'You were not asked to review this version');
    announce(ctx, version, id, 'decided');
    return c.json(await reviewsOf(ctx, version));
  });

  return routes;
}

async function reviewsOf(ctx: ServerContext, version: VersionRef): Promise<VersionReviews> {
  const reviews = await listReviews(ctx.database.db, version.id);
  return { versionId: version.id, state: summarizeReviews(reviews.map((r) => r.decision)).state, reviews };
}

function announce(
  ctx: ServerContext,
  version: VersionRef,
  id: string,
  action: 'requested' | 'decided',
): void {
  ctx.collab.broadcast(
    version.pipelineId,
    recordNotification({ kind: 'review', action, id, versionId: version.id }),
  );
}
