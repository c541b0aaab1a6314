/**
 * Versions (ARCHITECTURE §5, issue 5). `pipelineVersionRoutes` serves `/api/pipelines/:id/versions`
 * (save, list); `versionRoutes` serves `/api/versions` (read, delete, activate, labels, restore,
 * compare) and mounts comments and reviews under `/:id`. Every change is announced to the
 * pipeline's open connections as a record notification.
 */
import { Hono } from 'hono';
import { recordNotification, type VersionAction } from '../../shared/api/notifications.ts';
import {
  versionCompareQuerySchema,
  versionCreateSchema,
  versionLabelDeleteSchema,
  versionLabelSchema,
  versionListQuerySchema,
} from '../../shared/api/schemas.ts';
import type { RestoreResult, VersionSummary } from '../../shared/api/types.ts';
import type { ServerContext } from '../context.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { deleteBlobs } from '../runs/run-blobs.ts';
import { compareContents, loadComparedContent } from '../versions/compare.ts';
import { LABELS_PER_VERSION_MAX, removeLabel, setLabel } from '../versions/labels.ts';
import { restoreVersion } from '../versions/restore.ts';
import { readDraft } from '../versions/snapshot.ts';
import { activateVersion, deleteVersion } from '../versions/version-changes.ts';
import {
  getVersionDetail,
  getVersionSummary,
  listVersions,
  type VersionRef,
} from '../versions/version-queries.ts';
import { insertVersion } from '../versions/version-store.ts';
import { versionCommentRoutes } from './comment-routes.ts';
import { ApiError } from './errors.ts';
import { pipelineNotFound, requirePipelineRole } from './pipeline-access.ts';
import { reviewRoutes } from './review-routes.ts';
import type { AppEnv } from './session-middleware.ts';
import { requireUser } from './session-middleware.ts';
import { readJson, readQuery } from './validate.ts';
import { readableVersion, requireVersionRole, versionNotFound } from './version-access.ts';

export function pipelineVersionRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;

  routes.post('/', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'editor', 'save versions');
    const input = await readJson(c, versionCreateSchema, maxBytes);
    const snapshot = await readDraft(ctx, pipelineId);
    let version: VersionRef;
    try {
      version = await insertVersion(db, { pipelineId, ...input, createdBy: user.id, snapshot });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw pipelineNotFound(); // deleted meanwhile
      throw error;
    }
    announce(ctx, version, 'created');
    return c.json(await summaryOf(ctx, version), 201);
  });

  routes.get('/', async (c) => {
    const { pipelineId } = await requirePipelineRole(c, db, 'viewer', 'see versions');
    return c.json(await listVersions(db, pipelineId, readQuery(c, versionListQuerySchema)));
  });

  return routes;
}

export function versionRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;

  // Before `/:id`, which would take "compare" for an id.
  routes.get('/compare', async (c) => {
    const user = requireUser(c);
    const query = readQuery(c, versionCompareQuerySchema);
    const a = await readableVersion(db, user, query.a);
    const b = query.b === 'draft' ? 'draft' : await readableVersion(db, user, query.b);
    if (b !== 'draft' && b.pipelineId !== a.pipelineId) {
      throw new ApiError(400, 'bad_request', 'Only versions of the same pipeline can be compared', {
        b: 'Not a version of the same pipeline as a',
      });
    }
    const [left, right] = await Promise.all([
      loadComparedContent(ctx, a.pipelineId, a),
      loadComparedContent(ctx, a.pipelineId, b),
    ]);
    if (!left || !right) throw versionNotFound(); // deleted meanwhile
    const options = { includeMoves: query.moves, context: query.context };
    return c.json(compareContents(a.pipelineId, left, right, options));
  });

  routes.get('/:id', async (c) => {
    const { version } = await requireVersionRole(c, db, 'viewer', 'see versions');
    const detail = await getVersionDetail(db, version.id);
    if (!detail) throw versionNotFound();
    return c.json(detail);
  });

  routes.delete('/:id', async (c) => {
    const { version } = await requireVersionRole(c, db, 'editor', 'delete versions');
    const { status, artifactKeys } = await deleteVersion(db, version);
    if (status === 'not_found') throw versionNotFound();
    if (status === 'active') {
      throw new ApiError(409, 'conflict', 'The active version cannot be deleted; activate another one first');
    }
    announce(ctx, version, 'deleted');
    await deleteBlobs(ctx.blobs, artifactKeys, ctx.logger);
    return c.body(null, 204);
  });

  routes.post('/:id/activate', async (c) => {
    const { version } = await requireVersionRole(c, db, 'editor', 'activate versions');
    if ((await activateVersion(db, version)) === 'not_found') throw versionNotFound();
    announce(ctx, version, 'activated');
    return c.json(await summaryOf(ctx, version));
  });

  routes.post('/:id/labels', async (c) => {
    const { version } = await requireVersionRole(c, db, 'editor', 'label versions');
    const label = await readJson(c, versionLabelSchema, maxBytes);
    let result: Awaited<ReturnType<typeof setLabel>>;
    try {
      result = await setLabel(db, version.id, label);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw versionNotFound();
      throw error;
    }
    if (!result.ok) {
      throw new ApiError(409, 'conflict', `A version has at most ${LABELS_PER_VERSION_MAX} labels`);
    }
    announce(ctx, version, 'labelled');
    return c.json(await summaryOf(ctx, version), result.created ? 201 : 200);
  });

  routes.delete('/:id/labels', async (c) => {
    const { version } = await requireVersionRole(c, db, 'editor', 'label versions');
    const { name } = await readJson(c, versionLabelDeleteSchema, maxBytes);
    if (!(await removeLabel(db, version.id, name))) {
      throw new ApiError(404, 'not_found', `This version has no label "${name}"`);
    }
    announce(ctx, version, 'unlabelled');
    return c.body(null, 204);
  });

  routes.post('/:id/restore', async (c) => {
    const { user, version } = await requireVersionRole(c, db, 'editor', 'restore versions');
    const outcome = await restoreVersion(ctx, version, user.id);
    if (!outcome) throw versionNotFound();
    announce(ctx, outcome.snapshot, 'created');
    announce(ctx, version, 'restored');
    const result: RestoreResult = {
      snapshot: await summaryOf(ctx, outcome.snapshot),
      restored: await summaryOf(ctx, version),
    };
    return c.json(result);
  });

  routes.route('/:id/comments', versionCommentRoutes(ctx));
  routes.route('/:id/reviews', reviewRoutes(ctx));
  return routes;
}

function announce(ctx: ServerContext, version: VersionRef, action: VersionAction): void {
  ctx.collab.broadcast(version.pipelineId, recordNotification({ kind: 'version', action, id: version.id }));
}

async function summaryOf(ctx: ServerContext, version: VersionRef): Promise<VersionSummary> {
  const summary = await getVersionSummary(ctx.database.db, version.id);
  if (!summary) throw versionNotFound(); // deleted by someone else in the meantime
  return summary;
}
