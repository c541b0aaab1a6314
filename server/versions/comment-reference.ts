/**
 * What a version's comments are measured against when deciding "outdated": by default the
 * pipeline's newest version (if it is later than the one commented on: what the team has now
 * saved); on request the live draft or any version of the same pipeline.
 */
import type { CompareSide } from '../../shared/api/types.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { ServerContext } from '../context.ts';
import { type CommentAnchor, outdatedIn } from './comment-anchors.ts';
import { versionSide } from './compare.ts';
import { readDraftGraph } from './snapshot.ts';
import { findNewestVersion, getVersionContent, type VersionRef } from './version-queries.ts';

export interface OutdatedCheck {
  relativeTo: CompareSide | null;
  isOutdated: (anchor: CommentAnchor) => boolean;
}

const NEVER: OutdatedCheck = { relativeTo: null, isOutdated: () => false };

/**
 * `reference`: undefined for the default, `draft`, or a version the caller may read that belongs
 * to the same pipeline (the route checks both).
 */
export async function outdatedCheck(
  ctx: ServerContext,
  version: VersionRef,
  reference?: VersionRef | 'draft',
): Promise<OutdatedCheck> {
  const { db } = ctx.database;
  let side: CompareSide;
  let graph: PipelineGraph | undefined;
  if (reference === 'draft') {
    side = { kind: 'draft' };
    graph = (await readDraftGraph(ctx, version.pipelineId)).graph;
  } else {
    const target = reference ?? (await findNewestVersion(db, version.pipelineId));
    if (!target || (reference === undefined && target.number <= version.number)) return NEVER;
    side = versionSide(target);
    graph = (await getVersionContent(db, target.id))?.graph;
  }
  const own = await getVersionContent(db, version.id);
  if (!graph || !own) return NEVER; // one of them was deleted meanwhile
  return { relativeTo: side, isOutdated: outdatedIn(own.graph, graph) };
}
