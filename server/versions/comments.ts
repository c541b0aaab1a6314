/**
 * Comment threads on versions: reading a version's comments, writing them, and the lookup the
 * `/api/comments/:id` routes start with (the comment, its version's pipeline and the caller's role).
 * Authors and times are set here, never taken from a request.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { VersionComment } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { comments, pipelineMembers, users, versions } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';
import type { CommentAnchor } from './comment-anchors.ts';
import { iso, personRef } from './person.ts';

const resolver = alias(users, 'resolver');

const commentColumns = {
  id: comments.id,
  versionId: comments.versionId,
  nodeId: comments.nodeId,
  param: comments.param,
  parentId: comments.parentId,
  authorId: users.id,
  authorName: users.username,
  body: comments.body,
  resolved: comments.resolved,
  resolverId: resolver.id,
  resolverName: resolver.username,
  resolvedAt: comments.resolvedAt,
  createdAt: comments.createdAt,
  updatedAt: comments.updatedAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
};

function selectComments(db: Db) {
  return db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolver, eq(resolver.id, comments.resolvedBy));
}

export type CommentRow = Awaited<ReturnType<ReturnType<typeof selectComments>['execute']>>[number];

export function toComment(row: CommentRow, outdated: boolean): VersionComment {
  return {
    id: row.id,
    versionId: row.versionId,
    nodeId: row.nodeId,
    param: row.param,
    parentId: row.parentId,
    author: personRef(row.authorId, row.authorName),
    body: row.body,
    resolved: row.resolved,
    resolvedBy: personRef(row.resolverId, row.resolverName),
    resolvedAt: iso(row.resolvedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editedAt: iso(row.editedAt),
    deleted: row.deletedAt !== null,
    outdated,
  };
}

/** Every comment of a version, deleted ones included (as placeholders), oldest first. */
export function listComments(db: Db, versionId: string): Promise<CommentRow[]> {
  return selectComments(db)
    .where(eq(comments.versionId, versionId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function getComment(db: Db, commentId: string): Promise<CommentRow | null> {
  const [row] = await selectComments(db).where(eq(comments.id, commentId)).limit(1);
  return row ?? null;
}

/** What the routes of one comment need to decide who may do what. */
export interface CommentRef {
  id: string;
  versionId: string;
  pipelineId: string;
  parentId: string | null;
  authorId: string | null;
  deleted: boolean;
}

/** The comment and the user's role on its pipeline; null when either is missing (indistinguishable). */
export async function findCommentForUser(
  db: Db,
  commentId: string,
  userId: string,
): Promise<{ comment: CommentRef; role: MemberRole } | null> {
  if (!isUuid(commentId) || !isUuid(userId)) return null;
  const [row] = await db
    .select({
      id: comments.id,
      versionId: comments.versionId,
      pipelineId: versions.pipelineId,
      parentId: comments.parentId,
      authorId: comments.authorId,
      deletedAt: comments.deletedAt,
      role: pipelineMembers.role,
    })
    .from(comments)
    .innerJoin(versions, eq(versions.id, comments.versionId))
    .innerJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, versions.pipelineId), eq(pipelineMembers.userId, userId)),
    )
    .where(eq(comments.id, commentId))
    .limit(1);
  if (!row) return null;
  const { role, deletedAt, ...comment } = row;
  return { comment: { ...comment, deleted: deletedAt !== null }, role };
}

/** A thread root of this version (replies attach to roots only), or null. */
export async function findThreadRoot(
  db: Db,
  versionId: string,
  commentId: string,
): Promise<{ id: string; anchor: CommentAnchor } | null> {
  const [row] = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      nodeId: comments.nodeId,
      param: comments.param,
    })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.versionId, versionId)));
  if (!row || row.parentId !== null) return null;
  return { id: row.id, anchor: { nodeId: row.nodeId, param: row.param } };
}

export async function insertComment(
  db: Db,
  comment: {
    versionId: string;
    authorId: string;
    body: string;
    anchor: CommentAnchor;
    parentId: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(comments)
    .values({
      versionId: comment.versionId,
      authorId: comment.authorId,
      body: comment.body,
      nodeId: comment.anchor.nodeId,
      param: comment.anchor.param,
      parentId: comment.parentId,
    })
    .returning({ id: comments.id });
  return row!.id;
}

export interface CommentUpdate {
  body?: string;
  resolved?: boolean;
}

/** Applies an edit and/or a resolve (checked by the caller); the person resolving is recorded. */
export async function updateComment(
  db: Db,
  commentId: string,
  userId: string,
  update: CommentUpdate,
): Promise<void> {
  const now = sql`now()`;
  await db
    .update(comments)
    .set({
      updatedAt: now,
      ...(update.body === undefined ? {} : { body: update.body, editedAt: now }),
      ...(update.resolved === undefined
        ? {}
        : update.resolved
          ? { resolved: true, resolvedBy: userId, resolvedAt: now }
          : { resolved: false, resolvedBy: null, resolvedAt: null }),
    })
    .where(eq(comments.id, commentId));
}

/**
 * Soft delete: the body is cleared (a deleted comment's words are gone) but the row stays, so a
 * thread keeps its replies. Returns false when it was already deleted.
 */
export async function softDeleteComment(db: Db, commentId: string): Promise<boolean> {
  const deleted = await db
    .update(comments)
    .set({ body: '', deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(comments.id, commentId), sql`${comments.deletedAt} is null`))
    .returning({ id: comments.id });
  return deleted.length > 0;
}
