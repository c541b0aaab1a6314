/**
 * Comparing two versions of one pipeline, or a version and the live draft: the semantic diff of
 * their graphs (with the catalog, so unset parameters compare as their defaults) and the line diff
 * of their generated code.
 */
import type { CompareSide, VersionComparison } from '../../shared/api/types.ts';
import { catalog } from '../../shared/catalog/index.ts';
import { diffGraphs, diffText } from '../../shared/diff/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { ServerContext } from '../context.ts';
import { generateCode, readDraftGraph } from './snapshot.ts';
import { getVersionContent, type VersionRef } from './version-queries.ts';

export interface ComparedContent {
  side: CompareSide;
  graph: PipelineGraph;
  code: string;
}

export function versionSide(version: VersionRef): CompareSide {
  return { kind: 'version', id: version.id, number: version.number, name: version.name };
}

/** A version's saved graph and code, or the pipeline's draft now; null for a version deleted meanwhile. */
export async function loadComparedContent(
  ctx: ServerContext,
  pipelineId: string,
  version: VersionRef | 'draft',
): Promise<ComparedContent | null> {
  if (version === 'draft') {
    const draft = await readDraftGraph(ctx, pipelineId);
    return { side: { kind: 'draft' }, graph: draft.graph, code: generateCode(draft) };
  }
  const content = await getVersionContent(ctx.database.db, version.id);
  return content && { side: versionSide(version), ...content };
}

export function compareContents(
  pipelineId: string,
  a: ComparedContent,
  b: ComparedContent,
  options: { includeMoves: boolean; context: number },
): VersionComparison {
  return {
    pipelineId,
    a: a.side,
    b: b.side,
    graph: diffGraphs(a.graph, b.graph, { registry: catalog, includeMoves: options.includeMoves }),
    code: diffText(a.code, b.code, { context: options.context }),
  };
}
