/**
 * Run artifacts live in the blob store, outside the database's cascades: when a pipeline or a
 * version goes, its runs go with it (foreign keys) and their blobs must be removed by hand.
 *
 * The deleting transaction calls `lockRunArtifacts` first: it locks the runs being removed, so a
 * worker finishing one of them cannot add an artifact row unseen (its insert waits for the lock
 * and then fails on the foreign key, and the worker removes the blobs it had stored — see
 * runner/execute-run.ts), and it returns every artifact's storage key. Once the transaction has
 * committed, `deleteBlobs` removes them; a blob that cannot be removed is logged, never an error
 * for the person who deleted the pipeline.
 */
import { eq } from 'drizzle-orm';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Db } from '../db/database.ts';
import { artifacts, runs } from '../db/schema.ts';
import type { Logger } from '../logger.ts';

export type RunScope = { pipelineId: string } | { versionId: string };

/** Inside the deleting transaction: locks the scope's runs and lists their artifacts' blob keys. */
export async function lockRunArtifacts(tx: Db, scope: RunScope): Promise<string[]> {
  const where =
    'pipelineId' in scope ? eq(runs.pipelineId, scope.pipelineId) : eq(runs.versionId, scope.versionId);
  const locked = await tx.select({ id: runs.id }).from(runs).where(where).for('update');
  if (locked.length === 0) return [];
  const rows = await tx
    .select({ storageKey: artifacts.storageKey })
    .from(artifacts)
    .innerJoin(runs, eq(runs.id, artifacts.runId))
    .where(where);
  return rows.map((row) => row.storageKey);
}

/** Removes the blobs (after the rows are gone); failures are logged and skipped. */
export async function deleteBlobs(blobs: BlobStore, keys: readonly string[], logger: Logger): Promise<void> {
  for (const key of keys) {
    try {
      await blobs.delete(key);
    } catch (error) {
      logger.warn({ err: error, key }, 'could not delete a blob whose record is gone');
    }
  }
}
