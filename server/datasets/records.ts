/**
 * Datasets as the API shows them: summaries (lists) and records (with the profile). Each names
 * the pipelines it is attached to among those the caller is a member of, so attaching never
 * reveals a pipeline to someone who is not on it.
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DatasetList,
  DatasetPipelineRef,
  DatasetRecord,
  DatasetSummary,
  datasetListQuerySchema,
} from '../../shared/api/datasets.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import type { Db } from '../db/database.ts';
import { datasets, pipelineDatasets, pipelineMembers, pipelines, users } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';
import { containsPattern } from '../pipelines/like-pattern.ts';
import { readableBy } from './access.ts';

const summaryColumns = {
  id: datasets.id,
  name: datasets.name,
  fileName: datasets.fileName,
  sizeBytes: datasets.sizeBytes,
  rows: datasets.rows,
  columns: datasets.columnCount,
  ownerId: datasets.ownerId,
  ownerUsername: users.username,
  createdAt: datasets.createdAt,
  updatedAt: datasets.updatedAt,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'] };

/** Field by field, so columns added to the table later never leak into the API by accident. */
function toSummary(row: SummaryRow, userId: string, attached: DatasetPipelineRef[]): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    rows: row.rows,
    columns: row.columns,
    owner: { id: row.ownerId, username: row.ownerUsername },
    access: row.ownerId === userId ? 'owner' : 'shared',
    pipelines: attached,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Pipelines each dataset is attached to, limited to those `userId` is a member of; by name. */
async function visiblePipelines(
  db: Db,
  userId: string,
  datasetIds: string[],
): Promise<Map<string, DatasetPipelineRef[]>> {
  const byDataset = new Map<string, DatasetPipelineRef[]>(datasetIds.map((id) => [id, []]));
  if (datasetIds.length === 0) return byDataset;
  const rows = await db
    .select({ datasetId: pipelineDatasets.datasetId, id: pipelines.id, name: pipelines.name })
    .from(pipelineDatasets)
    .innerJoin(pipelines, eq(pipelines.id, pipelineDatasets.pipelineId))
    .innerJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, pipelines.id), eq(pipelineMembers.userId, userId)),
    )
    .where(inArray(pipelineDatasets.datasetId, datasetIds))
    .orderBy(asc(pipelines.name), asc(pipelines.id));
  for (const row of rows) byDataset.get(row.datasetId)?.push({ id: row.id, name: row.name });
  return byDataset;
}

export async function listDatasets(
  db: Db,
  userId: string,
  query: z.output<typeof datasetListQuerySchema>,
): Promise<DatasetList> {
  const filters: SQL[] = [readableBy(db, userId)];
  const search = query.q?.trim();
  if (search) filters.push(sql`${datasets.name} ILIKE ${containsPattern(search)} ESCAPE '\\'`);
  const where = and(...filters);
  const [rows, [counted]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(datasets)
      .innerJoin(users, eq(users.id, datasets.ownerId))
      .where(where)
      // Newest first; the id breaks ties so pages never overlap or skip.
      .orderBy(desc(datasets.createdAt), desc(datasets.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: count() }).from(datasets).where(where),
  ]);
  const attached = await visiblePipelines(
    db,
    userId,
    rows.map((row) => row.id),
  );
  return {
    datasets: rows.map((row) => toSummary(row, userId, attached.get(row.id) ?? [])),
    total: counted?.total ?? 0,
  };
}

/** Records with their profiles; callers have checked that `userId` may read every one. */
async function recordsWhere(db: Db, userId: string, where: SQL | undefined): Promise<DatasetRecord[]> {
  const rows = await db
    .select({ ...summaryColumns, profile: datasets.profile })
    .from(datasets)
    .innerJoin(users, eq(users.id, datasets.ownerId))
    .where(where)
    .orderBy(asc(datasets.name), asc(datasets.id));
  const attached = await visiblePipelines(
    db,
    userId,
    rows.map((row) => row.id),
  );
  return rows.map(({ profile, ...row }) => ({
    ...toSummary(row, userId, attached.get(row.id) ?? []),
    profile: profile as DatasetProfile,
  }));
}

/** The dataset as `userId` sees it, or null when they may not read it. */
export async function getDatasetRecord(
  db: Db,
  datasetId: string,
  userId: string,
): Promise<DatasetRecord | null> {
  if (!isUuid(datasetId) || !isUuid(userId)) return null;
  const [record] = await recordsWhere(db, userId, and(eq(datasets.id, datasetId), readableBy(db, userId)));
  return record ?? null;
}

/** The datasets attached to a pipeline, by name; the caller has checked that `userId` is a member. */
export function listPipelineDatasets(db: Db, pipelineId: string, userId: string): Promise<DatasetRecord[]> {
  const attached = db
    .select({ id: pipelineDatasets.datasetId })
    .from(pipelineDatasets)
    .where(eq(pipelineDatasets.pipelineId, pipelineId));
  return recordsWhere(db, userId, inArray(datasets.id, attached));
}
