/**
 * Reading versions as the API shows them: summaries (with labels, review state and comment counts
 * gathered in one query each for a whole page), details (graph and code), and the lookup every
 * `/api/versions/:id…` route starts with: the version together with the caller's role on its
 * pipeline.
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { Page, Review, VersionDetail, VersionLabel, VersionSummary } from '../../shared/api/types.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { Db } from '../db/database.ts';
import { comments, pipelineMembers, reviewRequests, users, versionLabels, versions } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';
import { iso, personRef } from './person.ts';
import { summarizeReviews } from './review-state.ts';

/** What access checks and most changes need to know about a version. */
export interface VersionRef {
  id: string;
  pipelineId: string;
  number: number;
  name: string;
  isActive: boolean;
}

export const versionRefColumns = {
  id: versions.id,
  pipelineId: versions.pipelineId,
  number: versions.number,
  name: versions.name,
  isActive: versions.isActive,
};

/** The version and the user's role on its pipeline; null when either is missing (indistinguishable). */
export async function findVersionForUser(
  db: Db,
  versionId: string,
  userId: string,
): Promise<{ version: VersionRef; role: MemberRole } | null> {
  if (!isUuid(versionId) || !isUuid(userId)) return null;
  const [row] = await db
    .select({ ...versionRefColumns, role: pipelineMembers.role })
    .from(versions)
    .innerJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, versions.pipelineId), eq(pipelineMembers.userId, userId)),
    )
    .where(eq(versions.id, versionId))
    .limit(1);
  if (!row) return null;
  const { role, ...version } = row;
  return { version, role };
}

const summaryColumns = {
  ...versionRefColumns,
  description: versions.description,
  tag: versions.tag,
  parentVersionId: versions.parentVersionId,
  createdById: users.id,
  createdByName: users.username,
  createdAt: versions.createdAt,
};

function selectSummaries(db: Db) {
  return db.select(summaryColumns).from(versions).leftJoin(users, eq(users.id, versions.createdBy));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number];

export async function listVersions(
  db: Db,
  pipelineId: string,
  page: { limit: number; offset: number },
): Promise<Page<VersionSummary>> {
  const [rows, [counted]] = await Promise.all([
    selectSummaries(db)
      .where(eq(versions.pipelineId, pipelineId))
      .orderBy(desc(versions.number))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(versions).where(eq(versions.pipelineId, pipelineId)),
  ]);
  return {
    items: await withExtras(db, rows),
    total: counted?.total ?? 0,
    limit: page.limit,
    offset: page.offset,
  };
}

export async function getVersionSummary(db: Db, versionId: string): Promise<VersionSummary | null> {
  const rows = await selectSummaries(db).where(eq(versions.id, versionId)).limit(1);
  const [summary] = await withExtras(db, rows);
  return summary ?? null;
}

export async function getVersionDetail(db: Db, versionId: string): Promise<VersionDetail | null> {
  const [summary, [content], reviews] = await Promise.all([
    getVersionSummary(db, versionId),
    db
      .select({ graph: versions.graph, code: versions.code })
      .from(versions)
      .where(eq(versions.id, versionId)),
    listReviews(db, versionId),
  ]);
  if (!summary || !content) return null;
  return { ...summary, graph: inReaderOrder(content.graph), code: content.code, reviews };
}

/** The saved graph and code of a version (for compare and comment anchors). */
export async function getVersionContent(
  db: Db,
  versionId: string,
): Promise<{ graph: PipelineGraph; code: string } | null> {
  const [row] = await db
    .select({ graph: versions.graph, code: versions.code })
    .from(versions)
    .where(eq(versions.id, versionId));
  return row ? { graph: inReaderOrder(row.graph), code: row.code } : null;
}

/**
 * jsonb stores object keys in its own order (shorter keys first); parameters are given back in
 * code-point order, as `toGraph` reads them, so a saved graph and a freshly read one look alike.
 */
function inReaderOrder(graph: PipelineGraph): PipelineGraph {
  return {
    nodes: graph.nodes.map((node) => ({
      ...node,
      params: Object.fromEntries(
        Object.entries(node.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
    })),
    edges: graph.edges,
  };
}

export async function findVersionRef(db: Db, versionId: string): Promise<VersionRef | null> {
  const [row] = await db.select(versionRefColumns).from(versions).where(eq(versions.id, versionId));
  return row ?? null;
}

/** The newest version of a pipeline (highest number), if any. */
export async function findNewestVersion(db: Db, pipelineId: string): Promise<VersionRef | null> {
  const [row] = await db
    .select(versionRefColumns)
    .from(versions)
    .where(eq(versions.pipelineId, pipelineId))
    .orderBy(desc(versions.number))
    .limit(1);
  return row ?? null;
}

const requester = alias(users, 'requester');

export async function listReviews(db: Db, versionId: string): Promise<Review[]> {
  const rows = await db
    .select({
      id: reviewRequests.id,
      reviewerId: users.id,
      reviewerName: users.username,
      requesterId: requester.id,
      requesterName: requester.username,
      requestedAt: reviewRequests.requestedAt,
      decision: reviewRequests.decision,
      decidedAt: reviewRequests.decidedAt,
      comment: reviewRequests.comment,
    })
    .from(reviewRequests)
    .innerJoin(users, eq(users.id, reviewRequests.reviewerId))
    .leftJoin(requester, eq(requester.id, reviewRequests.requestedBy))
    .where(eq(reviewRequests.versionId, versionId))
    .orderBy(asc(users.username), asc(reviewRequests.id));
  return rows.map((row) => ({
    id: row.id,
    reviewer: { id: row.reviewerId, username: row.reviewerName },
    requestedBy: personRef(row.requesterId, row.requesterName),
    requestedAt: row.requestedAt.toISOString(),
    decision: row.decision,
    decidedAt: iso(row.decidedAt),
    comment: row.comment,
  }));
}

/** Labels, review decisions and comment counts for a page of versions: three queries, not 3 × n. */
async function withExtras(db: Db, rows: readonly SummaryRow[]): Promise<VersionSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [labels, decisions, counts] = await Promise.all([
    db
      .select({ versionId: versionLabels.versionId, name: versionLabels.name, color: versionLabels.color })
      .from(versionLabels)
      .where(inArray(versionLabels.versionId, ids))
      .orderBy(asc(versionLabels.createdAt), asc(versionLabels.name)),
    db
      .select({ versionId: reviewRequests.versionId, decision: reviewRequests.decision })
      .from(reviewRequests)
      .where(inArray(reviewRequests.versionId, ids)),
    db
      .select({
        versionId: comments.versionId,
        total: count(),
        openThreads:
          sql<number>`count(*) filter (where ${comments.parentId} is null and not ${comments.resolved})`.mapWith(
            Number,
          ),
      })
      .from(comments)
      .where(and(inArray(comments.versionId, ids), isNull(comments.deletedAt)))
      .groupBy(comments.versionId),
  ]);
  const labelsOf = groupBy(labels, (label) => label.versionId);
  const decisionsOf = groupBy(decisions, (review) => review.versionId);
  const countsOf = new Map(counts.map((row) => [row.versionId, row]));
  return rows.map((row) => ({
    id: row.id,
    pipelineId: row.pipelineId,
    number: row.number,
    name: row.name,
    description: row.description,
    tag: row.tag,
    parentVersionId: row.parentVersionId,
    isActive: row.isActive,
    createdBy: personRef(row.createdById, row.createdByName),
    createdAt: row.createdAt.toISOString(),
    labels: (labelsOf.get(row.id) ?? []).map(({ name, color }): VersionLabel => ({ name, color })),
    review: summarizeReviews((decisionsOf.get(row.id) ?? []).map((review) => review.decision)),
    comments: {
      total: countsOf.get(row.id)?.total ?? 0,
      openThreads: countsOf.get(row.id)?.openThreads ?? 0,
    },
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
