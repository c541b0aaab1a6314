/**
 * Comments (ARCHITECTURE §5, issue 5): `versionCommentRoutes` serves `/api/versions/:id/comments`
 * (list, post); `commentRoutes` serves `/api/comments/:id` (edit or resolve, delete).
 *
 * Who may: viewers read; commenters and up post, resolve and reopen threads; only the author edits
 * a comment's body; the author or an owner deletes it. Bodies are Markdown stored as sent (the
 * client sanitizes when rendering). Each comment in a list says whether it is `outdated`, measured
 * against the pipeline's newest version unless `?relativeTo=<versionId|draft>` says otherwise.
 */
import { Hono } from 'hono';
import { type CommentAction, recordNotification } from '../../shared/api/notifications.ts';
import { commentCreateSchema, commentListQuerySchema, commentPatchSchema } from '../../shared/api/schemas.ts';
import type { CommentList, VersionComment } from '../../shared/api/types.ts';
import type { ServerContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { roleAtLeast } from '../pipelines/access.ts';
import { anchorProblem, type CommentAnchor } from '../versions/comment-anchors.ts';
import { outdatedCheck } from '../versions/comment-reference.ts';
import {
  type CommentRef,
  findThreadRoot,
  getComment,
  insertComment,
  listComments,
  softDeleteComment,
  toComment,
  updateComment,
} from '../versions/comments.ts';
import { findVersionRef, getVersionContent, type VersionRef } from '../versions/version-queries.ts';
import { ApiError } from './errors.ts';
import { roleTooLow } from './pipeline-access.ts';
import type { AppEnv } from './session-middleware.ts';
import { readJson, readQuery } from './validate.ts';
import {
  commentNotFound,
  readableVersion,
  requireCommentAccess,
  requireVersionRole,
  versionNotFound,
} from './version-access.ts';

export function versionCommentRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;

  routes.get('/', async (c) => {
    const { user, version } = await requireVersionRole(c, db, 'viewer', 'read comments');
    const { relativeTo } = readQuery(c, commentListQuerySchema);
    let reference: VersionRef | 'draft' | undefined = relativeTo === 'draft' ? 'draft' : undefined;
    if (relativeTo !== undefined && relativeTo !== 'draft') {
      reference = await readableVersion(db, user, relativeTo);
      if (reference.pipelineId !== version.pipelineId) {
        throw new ApiError(400, 'bad_request', 'relativeTo must be a version of the same pipeline', {
          relativeTo: 'Not a version of this pipeline',
        });
      }
    }
    const [rows, check] = await Promise.all([
      listComments(db, version.id),
      outdatedCheck(ctx, version, reference),
    ]);
    const list: CommentList = {
      versionId: version.id,
      relativeTo: check.relativeTo,
      comments: rows.map((row) => toComment(row, check.isOutdated(row))),
    };
    return c.json(list);
  });

  routes.post('/', async (c) => {
    const { user, version } = await requireVersionRole(c, db, 'commenter', 'comment');
    const input = await readJson(c, commentCreateSchema, maxBytes);
    const { anchor, parentId } = await placeComment(db, version.id, input);
    let id: string;
    try {
      id = await insertComment(db, {
        versionId: version.id,
        authorId: user.id,
        body: input.body,
        anchor,
        parentId,
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw versionNotFound(); // deleted meanwhile
      throw error;
    }
    announce(ctx, version.pipelineId, version.id, id, 'created');
    return c.json(await commentResponse(ctx, version.id, id), 201);
  });

  return routes;
}

export function commentRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;

  routes.patch('/:id', async (c) => {
    const { user, comment, role } = await requireCommentAccess(c, db);
    if (!roleAtLeast(role, 'commenter')) throw roleTooLow('commenter', 'change comments');
    const patch = await readJson(c, commentPatchSchema, maxBytes);
    if (comment.deleted) throw new ApiError(409, 'conflict', 'This comment was deleted');
    if (patch.body !== undefined && comment.authorId !== user.id) {
      throw new ApiError(403, 'forbidden', 'Only its author can edit a comment');
    }
    if (patch.resolved !== undefined && comment.parentId !== null) {
      throw new ApiError(
        400,
        'validation_failed',
        'Resolve a thread through its first comment, not a reply',
        {
          resolved: 'Only a thread can be resolved',
        },
      );
    }
    await updateComment(db, comment.id, user.id, patch);
    if (patch.body !== undefined) announceComment(ctx, comment, 'edited');
    if (patch.resolved !== undefined) announceComment(ctx, comment, patch.resolved ? 'resolved' : 'reopened');
    return c.json(await commentResponse(ctx, comment.versionId, comment.id));
  });

  routes.delete('/:id', async (c) => {
    const { user, comment, role } = await requireCommentAccess(c, db);
    if (!roleAtLeast(role, 'commenter')) throw roleTooLow('commenter', 'delete comments');
    if (comment.authorId !== user.id && role !== 'owner') {
      throw new ApiError(403, 'forbidden', 'Only its author or an owner can delete a comment');
    }
    // Deleting twice is not an error; only the first time is news.
    if (await softDeleteComment(db, comment.id)) announceComment(ctx, comment, 'deleted');
    return c.body(null, 204);
  });

  return routes;
}

/**
 * Where a new comment goes: a reply joins its root's thread (and anchor); a root is checked
 * against the version's graph. Throws a 400 naming the field at fault.
 */
async function placeComment(
  db: Db,
  versionId: string,
  input: { nodeId?: string | undefined; param?: string | undefined; parentId?: string | undefined },
): Promise<{ anchor: CommentAnchor; parentId: string | null }> {
  if (input.parentId !== undefined) {
    const root = await findThreadRoot(db, versionId, input.parentId);
    if (!root) {
      const message = 'Replies go to the first comment of a thread on this version';
      throw new ApiError(400, 'validation_failed', message, { parentId: 'Not a thread of this version' });
    }
    return { anchor: root.anchor, parentId: root.id };
  }
  const anchor: CommentAnchor = { nodeId: input.nodeId ?? null, param: input.param ?? null };
  const content = await getVersionContent(db, versionId);
  if (!content) throw versionNotFound();
  const problem = anchorProblem(content.graph, anchor);
  if (problem)
    throw new ApiError(400, 'validation_failed', problem.message, { [problem.field]: problem.message });
  return { anchor, parentId: null };
}

/** The comment as a list would show it (with `outdated` against the default reference). */
async function commentResponse(
  ctx: ServerContext,
  versionId: string,
  commentId: string,
): Promise<VersionComment> {
  const { db } = ctx.database;
  const [row, version] = await Promise.all([getComment(db, commentId), findVersionRef(db, versionId)]);
  if (!row || !version) throw commentNotFound(); // deleted meanwhile
  const check = await outdatedCheck(ctx, version);
  return toComment(row, check.isOutdated(row));
}

function announceComment(ctx: ServerContext, comment: CommentRef, action: CommentAction): void {
  announce(ctx, comment.pipelineId, comment.versionId, comment.id, action);
}

function announce(
  ctx: ServerContext,
  pipelineId: string,
  versionId: string,
  id: string,
  action: CommentAction,
): void {
  ctx.collab.broadcast(pipelineId, recordNotification({ kind: 'comment', action, id, versionId }));
}
