/**
 * Changing dataset records: create (after its file is stored), rename, delete, attach to and
 * detach from pipelines. Access rules are the routes'; these only keep the rows consistent.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DatasetPipelineRef } from '../../shared/api/datasets.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import type { Db } from '../db/database.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { datasets, pipelineDatasets, pipelineMembers, pipelines } from '../db/schema.ts';

/** Where a dataset's bytes live in the blob store. */
export function datasetStorageKey(datasetId: string): string {
  return `datasets/${datasetId}.csv`;
}

export interface NewDataset {
  id: string;
  ownerId: string;
  name: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  profile: DatasetProfile;
  storageKey: string;
}

/** Inserts the row, and attaches it to `pipelineId` in the same transaction when given. */
export async function insertDataset(db: Db, dataset: NewDataset, pipelineId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(datasets).values({
      ...dataset,
      rows: dataset.profile.rows,
      columnCount: dataset.profile.columns.length,
    });
    if (pipelineId) {
      await tx
        .insert(pipelineDatasets)
        .values({ pipelineId, datasetId: dataset.id, attachedBy: dataset.ownerId });
    }
  });
}

/** Every pipeline the dataset is attached to (members of each are told of changes). */
export async function attachedPipelineIds(db: Db, datasetId: string): Promise<string[]> {
  const rows = await db
    .select({ id: pipelineDatasets.pipelineId })
    .from(pipelineDatasets)
    .where(eq(pipelineDatasets.datasetId, datasetId));
  return rows.map((row) => row.id);
}

export async function renameDataset(db: Db, datasetId: string, name: string): Promise<void> {
  await db.update(datasets).set({ name, updatedAt: sql`now()` }).where(eq(datasets.id, datasetId));
}

export type DeleteResult =
  | { ok: true }
  /** Still attached: the pipelines `userId` can see, and how many others there are. */
  | { ok: false; visible: DatasetPipelineRef[]; hidden: number };

/**
 * Deletes the row unless a pipeline uses the dataset (the foreign key restricts it too, which
 * settles a race with an attach). The blob is the caller's to delete, after the row is gone.
 */
export async function deleteDataset(db: Db, datasetId: string, userId: string): Promise<DeleteResult> {
  const blocked = await attachedFor(db, datasetId, userId);
  if (blocked) return blocked;
  try {
    await db.delete(datasets).where(eq(datasets.id, datasetId));
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    return (await attachedFor(db, datasetId, userId)) ?? { ok: false, visible: [], hidden: 1 };
  }
  return { ok: true };
}

async function attachedFor(db: Db, datasetId: string, userId: string): Promise<DeleteResult | null> {
  const rows = await db
    .select({ id: pipelines.id, name: pipelines.name, member: pipelineMembers.userId })
    .from(pipelineDatasets)
    .innerJoin(pipelines, eq(pipelines.id, pipelineDatasets.pipelineId))
    .leftJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, pipelines.id), eq(pipelineMembers.userId, userId)),
    )
    .where(eq(pipelineDatasets.datasetId, datasetId))
    .orderBy(asc(pipelines.name), asc(pipelines.id));
  if (rows.length === 0) return null;
  const visible = rows.filter((row) => row.member !== null).map(({ id, name }) => ({ id, name }));
  return { ok: false, visible, hidden: rows.length - visible.length };
}

/**
 * Attaches the dataset; true when it was not attached before (false: already was, nothing
 * changed). 'gone' when the pipeline or the dataset was deleted meanwhile.
 */
export async function attachDataset(
  db: Db,
  pipelineId: string,
  datasetId: string,
  userId: string,
): Promise<boolean | 'gone'> {
  try {
    const inserted = await db
      .insert(pipelineDatasets)
      .values({ pipelineId, datasetId, attachedBy: userId })
      .onConflictDoNothing()
      .returning({ id: pipelineDatasets.datasetId });
    return inserted.length > 0;
  } catch (error) {
    if (isForeignKeyViolation(error)) return 'gone';
    throw error;
  }
}

/** Detaches the dataset; true when it was attached. */
export async function detachDataset(db: Db, pipelineId: string, datasetId: string): Promise<boolean> {
  const removed = await db
    .delete(pipelineDatasets)
    .where(and(eq(pipelineDatasets.pipelineId, pipelineId), eq(pipelineDatasets.datasetId, datasetId)))
    .returning({ id: pipelineDatasets.datasetId });
  return removed.length > 0;
}
