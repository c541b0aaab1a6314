/**
 * Restoring a version: save the draft as a version first, so nothing is lost, then make the live
 * document equal the version's content for everyone, in one restore transaction
 * (`replaceContent`, shared/doc) that no person's undo reverts.
 *
 * The draft is saved before the document changes, so a crash in between loses nothing. If someone
 * edits in the moment between reading the draft and restoring (the document is compared when the
 * restore runs), the draft is captured again in the same synchronous step as the restore and the
 * saved snapshot is brought up to date with it.
 */
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { RESTORE_ORIGIN, readContentOfState, replaceContent } from '../../shared/doc/index.ts';
import type { ServerContext } from '../context.ts';
import { versions } from '../db/schema.ts';
import { captureSnapshot, type DraftSnapshot, readDraft } from './snapshot.ts';
import type { VersionRef } from './version-queries.ts';
import { insertVersion, replaceVersionSnapshot } from './version-store.ts';

export interface RestoreOutcome {
  /** The version holding the draft as it was just before the restore. */
  snapshot: VersionRef;
}

export async function restoreVersion(
  ctx: ServerContext,
  version: VersionRef,
  userId: string,
): Promise<RestoreOutcome | null> {
  const { db } = ctx.database;
  const [stored] = await db
    .select({ state: versions.state })
    .from(versions)
    .where(eq(versions.id, version.id));
  if (!stored) return null;
  const target = readContentOfState(stored.state);

  const draft = await readDraft(ctx, version.pipelineId);
  const snapshot = await insertVersion(db, {
    pipelineId: version.pipelineId,
    name: `Before restoring v${version.number}`,
    description: `The draft as it was when version ${version.number} ("${version.name}") was restored.`,
    tag: null,
    createdBy: userId,
    snapshot: draft,
  });

  let editedMeanwhile: DraftSnapshot | null = null;
  await ctx.collab.changeDocument(version.pipelineId, (doc) => {
    if (!equalBytes(Y.encodeStateAsUpdate(doc), draft.state)) editedMeanwhile = captureSnapshot(doc);
    replaceContent(doc, RESTORE_ORIGIN, target);
  });
  if (editedMeanwhile) await replaceVersionSnapshot(db, snapshot.id, editedMeanwhile);
  return { snapshot };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
