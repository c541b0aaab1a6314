/**
 * Writing versions. Numbers are handed out by bumping the pipeline's row in `version_counters`
 * inside the inserting transaction: the upsert locks that row, so concurrent saves of one pipeline
 * queue behind each other and get consecutive numbers, on PGlite and PostgreSQL alike, and a
 * failed insert rolls its number back. Deleting and activating take the same lock.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { versionCounters, versions } from '../db/schema.ts';
import type { DraftSnapshot } from './snapshot.ts';
import { generateCode } from './snapshot.ts';
import { type VersionRef, versionRefColumns } from './version-queries.ts';

export interface NewVersion {
  pipelineId: string;
  name: string;
  description: string;
  tag: string | null;
  createdBy: string;
  snapshot: DraftSnapshot;
}

/** Saves a snapshot as the pipeline's next version; its parent is the newest version before it. */
export async function insertVersion(db: Db, version: NewVersion): Promise<VersionRef> {
  // Generated before the transaction: a 1,000-node pipeline takes tens of milliseconds, and the
  // pipeline's counter row stays locked for as long as the transaction runs.
  const code = generateCode(version.snapshot);
  return db.transaction(async (tx) => {
    const [counter] = await tx
      .insert(versionCounters)
      .values({ pipelineId: version.pipelineId, lastNumber: 1 })
      .onConflictDoUpdate({
        target: versionCounters.pipelineId,
        set: { lastNumber: sql`${versionCounters.lastNumber} + 1` },
      })
      .returning({ number: versionCounters.lastNumber });
    const [parent] = await tx
      .select({ id: versions.id })
      .from(versions)
      .where(eq(versions.pipelineId, version.pipelineId))
      .orderBy(desc(versions.number))
      .limit(1);
    const [row] = await tx
      .insert(versions)
      .values({
        pipelineId: version.pipelineId,
        number: counter!.number,
        name: version.name,
        description: version.description,
        tag: version.tag,
        state: version.snapshot.state,
        graph: version.snapshot.graph,
        code,
        parentVersionId: parent?.id ?? null,
        createdBy: version.createdBy,
      })
      .returning(versionRefColumns);
    return row!;
  });
}

/** Replaces a version's content (only restore does this, for a snapshot it has just taken). */
export async function replaceVersionSnapshot(
  db: Db,
  versionId: string,
  snapshot: DraftSnapshot,
): Promise<void> {
  await db
    .update(versions)
    .set({ state: snapshot.state, graph: snapshot.graph, code: generateCode(snapshot) })
    .where(eq(versions.id, versionId));
}

/** Locks the pipeline's version counter: version changes of one pipeline run one at a time. */
export async function lockPipelineVersions(tx: Db, pipelineId: string): Promise<void> {
  await tx
    .select({ pipelineId: versionCounters.pipelineId })
    .from(versionCounters)
    .where(eq(versionCounters.pipelineId, pipelineId))
    .for('update');
}
