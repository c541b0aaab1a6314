/**
 * Who may read a dataset: its owner, and every member (any role) of a pipeline it is attached to.
 * Only the owner renames or deletes it. Anyone else does not see it at all (404, never 403).
 */
import { and, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { datasets, pipelineDatasets, pipelineMembers } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';

/** The condition "`userId` may read this `datasets` row", for any query over `datasets`. */
export function readableBy(db: Db, userId: string): SQL {
  const throughPipeline = db
    .select({ one: sql`1` })
    .from(pipelineDatasets)
    .innerJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, pipelineDatasets.pipelineId), eq(pipelineMembers.userId, userId)),
    )
    .where(eq(pipelineDatasets.datasetId, datasets.id));
  return or(eq(datasets.ownerId, userId), exists(throughPipeline))!;
}

/** What access checks, downloads and changes need to know about a dataset. */
export interface DatasetRef {
  id: string;
  ownerId: string;
  name: string;
  fileName: string;
  storageKey: string;
  sizeBytes: number;
  /** The text encoding the profiler chose (from the stored profile), for the download's charset. */
  encoding: string | null;
}

export interface DatasetAccess {
  dataset: DatasetRef;
  /** `owner` may rename and delete; `shared` only reads. */
  access: 'owner' | 'shared';
}

/** The dataset if `userId` may read it; null when it does not exist, or they may not (indistinguishable). */
export async function findDatasetForUser(
  db: Db,
  datasetId: string,
  userId: string,
): Promise<DatasetAccess | null> {
  if (!isUuid(datasetId) || !isUuid(userId)) return null;
  const [row] = await db
    .select({
      id: datasets.id,
      ownerId: datasets.ownerId,
      name: datasets.name,
      fileName: datasets.fileName,
      storageKey: datasets.storageKey,
      sizeBytes: datasets.sizeBytes,
      encoding: sql<string | null>`${datasets.profile}->>'encoding'`,
    })
    .from(datasets)
    .where(and(eq(datasets.id, datasetId), readableBy(db, userId)))
    .limit(1);
  if (!row) return null;
  return { dataset: row, access: row.ownerId === userId ? 'owner' : 'shared' };
}
