/**
 * What a version stores of a live document, captured synchronously from the Y.Doc so nothing can
 * change in between: the Yjs state (to restore), the normalized graph (to compare, anchor comments
 * and run) and the title the generated code carries.
 */
import * as Y from 'yjs';
import { generatePython } from '../../shared/codegen/index.ts';
import { toGraph } from '../../shared/doc/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { readDocumentMeta } from '../collab/document-meta.ts';
import type { ServerContext } from '../context.ts';

export interface DraftSnapshot {
  state: Uint8Array;
  graph: PipelineGraph;
  /** The pipeline's name, which heads the generated script (as in the export). */
  title: string;
}

export function captureSnapshot(doc: Y.Doc): DraftSnapshot {
  return {
    state: Y.encodeStateAsUpdate(doc),
    graph: toGraph(doc),
    title: readDocumentMeta(doc).name ?? 'pipeline',
  };
}

/** The same generator and options as the export and the browser's code panel, so the bytes agree. */
export function generateCode(snapshot: Pick<DraftSnapshot, 'graph' | 'title'>): string {
  return generatePython(snapshot.graph, undefined, { title: snapshot.title }).code;
}

/** The pipeline's live document now (loaded for the moment if nobody has it open). */
export function readDraft(ctx: ServerContext, pipelineId: string): Promise<DraftSnapshot> {
  return ctx.collab.readDocument(pipelineId, captureSnapshot);
}

/** The draft's graph and title, without encoding its state (for compare and comment anchors). */
export function readDraftGraph(
  ctx: ServerContext,
  pipelineId: string,
): Promise<Pick<DraftSnapshot, 'graph' | 'title'>> {
  return ctx.collab.readDocument(pipelineId, (doc) => ({
    graph: toGraph(doc),
    title: readDocumentMeta(doc).name ?? 'pipeline',
  }));
}
