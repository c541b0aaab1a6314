/** Deleting and activating versions: each in a transaction holding the pipeline's version lock. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { versions } from '../db/schema.ts';
import { lockRunArtifacts } from '../runs/run-blobs.ts';
import type { VersionRef } from './version-queries.ts';
import { lockPipelineVersions } from './version-store.ts';

export type VersionChangeResult = 'done' | 'not_found' | 'active';

export interface DeleteVersionResult {
  status: VersionChangeResult;
  /** Blob keys of the artifacts of the runs that went with it, for the caller to delete (runs/run-blobs.ts). */
  artifactKeys: string[];
}

/**
 * Deletes a version that is not the active one. Its children are re-pointed to its parent, so the
 * lineage stays connected; its labels, comments, reviews and runs go with it.
 */
export function deleteVersion(db: Db, version: VersionRef): Promise<DeleteVersionResult> {
  return db.transaction(async (tx) => {
    await lockPipelineVersions(tx, version.pipelineId);
    const [current] = await tx
      .select({ isActive: versions.isActive, parentVersionId: versions.parentVersionId })
      .from(versions)
      .where(eq(versions.id, version.id));
    if (!current) return { status: 'not_found', artifactKeys: [] };
    if (current.isActive) return { status: 'active', artifactKeys: [] };
    const artifactKeys = await lockRunArtifacts(tx, { versionId: version.id });
    await tx
      .update(versions)
      .set({ parentVersionId: current.parentVersionId })
      .where(eq(versions.parentVersionId, version.id));
    await tx.delete(versions).where(eq(versions.id, version.id));
    return { status: 'done', artifactKeys };
  });
}

/** Makes this version the pipeline's only active one (a no-op when it already is). */
export function activateVersion(db: Db, version: VersionRef): Promise<VersionChangeResult> {
  return db.transaction(async (tx) => {
    await lockPipelineVersions(tx, version.pipelineId);
    // Checked under the lock, before anything changes: a version deleted meanwhile must not leave
    // the pipeline with its active version switched off.
    const [current] = await tx.select({ id: versions.id }).from(versions).where(eq(versions.id, version.id));
    if (!current) return 'not_found';
    await tx
      .update(versions)
      .set({ isActive: false })
      .where(and(eq(versions.pipelineId, version.pipelineId), eq(versions.isActive, true)));
    await tx.update(versions).set({ isActive: true }).where(eq(versions.id, version.id));
    return 'done';
  });
}
