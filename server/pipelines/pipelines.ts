/**
 * Pipeline records as the REST API sees them: every read goes through the caller's membership, so
 * a pipeline someone has no role on is simply absent from their results.
 */
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { pipelineListQuerySchema } from '../../shared/api/schemas.ts';
import type { Page, PipelineSummary, User } from '../../shared/api/types.ts';
import type { PipelineTemplate } from '../../shared/templates/index.ts';
import type { Db } from '../db/database.ts';
import { documents, pipelineMembers, pipelines, users } from '../db/schema.ts';
import { lockRunArtifacts } from '../runs/run-blobs.ts';
import { initialDocumentState } from './initial-document.ts';
import { containsPattern } from './like-pattern.ts';

export interface PipelineFields {
  name: string;
  description: string;
  tags: string[];
}

const summaryColumns = {
  id: pipelines.id,
  name: pipelines.name,
  description: pipelines.description,
  tags: pipelines.tags,
  ownerId: pipelines.ownerId,
  ownerUsername: users.username,
  role: pipelineMembers.role,
  createdAt: pipelines.createdAt,
  updatedAt: pipelines.updatedAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

/** Field by field, so columns added to the table later never leak into the API by accident. */
function toSummary(row: SummaryRow): PipelineSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    tags: row.tags,
    ownerId: row.ownerId,
    ownerUsername: row.ownerUsername,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Pipelines joined with the caller's membership (inner join: no role, no row) and the owner's name. */
function summariesFor(db: Db, userId: string) {
  return db
    .select(summaryColumns)
    .from(pipelines)
    .innerJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, pipelines.id), eq(pipelineMembers.userId, userId)),
    )
    .innerJoin(users, eq(users.id, pipelines.ownerId));
}

/** Same tag twice is noise; keep the first spelling and the order the user chose. */
export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

export async function listPipelines(
  db: Db,
  userId: string,
  query: z.output<typeof pipelineListQuerySchema>,
): Promise<Page<PipelineSummary>> {
  const filters: SQL[] = [];
  const search = query.q?.trim();
  if (search) filters.push(sql`${pipelines.name} ILIKE ${containsPattern(search)} ESCAPE '\\'`);
  if (query.tag) filters.push(sql`${query.tag} = ANY(${pipelines.tags})`);
  const where = filters.length > 0 ? and(...filters) : undefined;

  const [rows, [counted]] = await Promise.all([
    summariesFor(db, userId)
      .where(where)
      // Newest change first; the id breaks ties so pages never overlap or skip.
      .orderBy(desc(pipelines.updatedAt), desc(pipelines.id))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: count() })
      .from(pipelines)
      .innerJoin(
        pipelineMembers,
        and(eq(pipelineMembers.pipelineId, pipelines.id), eq(pipelineMembers.userId, userId)),
      )
      .where(where),
  ]);
  return { items: rows.map(toSummary), total: counted?.total ?? 0, limit: query.limit, offset: query.offset };
}

/** The pipeline as `userId` sees it, or `null` when they have no role on it. Ids must be uuids. */
export async function getPipelineSummary(
  db: Db,
  pipelineId: string,
  userId: string,
): Promise<PipelineSummary | null> {
  const [row] = await summariesFor(db, userId).where(eq(pipelines.id, pipelineId)).limit(1);
  return row ? toSummary(row) : null;
}

/** Creates the pipeline and its owner membership together: a pipeline never exists without an owner. */
export async function createPipeline(
  db: Db,
  owner: User,
  fields: PipelineFields,
  template?: PipelineTemplate,
): Promise<PipelineSummary> {
  const row = await db.transaction(async (tx) => {
    const [pipeline] = await tx
      .insert(pipelines)
      .values({ ownerId: owner.id, ...fields, tags: uniqueTags(fields.tags) })
      .returning();
    await tx.insert(pipelineMembers).values({ pipelineId: pipeline!.id, userId: owner.id, role: 'owner' });
    await tx
      .insert(documents)
      .values({ pipelineId: pipeline!.id, state: initialDocumentState(fields, template) });
    return pipeline!;
  });
  return toSummary({ ...row, ownerUsername: owner.username, role: 'owner' });
}

export async function updatePipeline(
  db: Db,
  pipelineId: string,
  changes: Partial<PipelineFields>,
): Promise<void> {
  const values = changes.tags ? { ...changes, tags: uniqueTags(changes.tags) } : changes;
  await db
    .update(pipelines)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(pipelines.id, pipelineId));
}

/**
 * Members, document, versions and runs go with it (foreign keys cascade). Resolves with the blob
 * keys of its runs' artifacts, which the caller deletes from the blob store (runs/run-blobs.ts).
 */
export async function deletePipeline(db: Db, pipelineId: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    const artifactKeys = await lockRunArtifacts(tx, { pipelineId });
    await tx.delete(pipelines).where(eq(pipelines.id, pipelineId));
    return artifactKeys;
  });
}
