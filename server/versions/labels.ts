/**
 * Coloured labels on a version. A label name is unique per version whatever its case: labelling
 * "Production" where "production" exists recolours (and renames) it instead of adding a second.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { VersionLabel } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { versionLabels } from '../db/schema.ts';

/** Enough for any real use; a bound so one version cannot grow without limit. */
export const LABELS_PER_VERSION_MAX = 20;

export type SetLabelResult =
  | { ok: true; label: VersionLabel; created: boolean }
  | { ok: false; problem: 'too_many' };

const sameName = (versionId: string, name: string) =>
  and(eq(versionLabels.versionId, versionId), sql`lower(${versionLabels.name}) = lower(${name})`);

export async function setLabel(db: Db, versionId: string, label: VersionLabel): Promise<SetLabelResult> {
  try {
    return await upsertLabel(db, versionId, label);
  } catch (error) {
    // Two people adding the same new label at once: one insert wins; the other now finds it.
    if (isUniqueViolation(error)) return upsertLabel(db, versionId, label);
    throw error;
  }
}

function upsertLabel(db: Db, versionId: string, label: VersionLabel): Promise<SetLabelResult> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(versionLabels)
      .set({ name: label.name, color: label.color })
      .where(sameName(versionId, label.name))
      .returning({ name: versionLabels.name });
    if (updated.length > 0) return { ok: true, label, created: false };
    const [existing] = await tx
      .select({ n: count() })
      .from(versionLabels)
      .where(eq(versionLabels.versionId, versionId));
    if ((existing?.n ?? 0) >= LABELS_PER_VERSION_MAX) return { ok: false, problem: 'too_many' };
    await tx.insert(versionLabels).values({ versionId, name: label.name, color: label.color });
    return { ok: true, label, created: true };
  });
}

/** Removes the label with this name (any case); false when the version has none by that name. */
export async function removeLabel(db: Db, versionId: string, name: string): Promise<boolean> {
  const removed = await db
    .delete(versionLabels)
    .where(sameName(versionId, name))
    .returning({ name: versionLabels.name });
  return removed.length > 0;
}
