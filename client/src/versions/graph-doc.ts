/**
 * A saved graph as a throwaway Y.Doc, so <PipelineCanvas> (which reads documents) can draw a
 * version read-only. Nothing syncs or persists it.
 */
import * as Y from 'yjs';
import { MIGRATION_ORIGIN, replaceContent } from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';

export function makeGraphDoc(graph: PipelineGraph, name = ''): Y.Doc {
  const doc = new Y.Doc();
  replaceContent(doc, MIGRATION_ORIGIN, { graph, meta: { name, description: '', tags: [] } });
  return doc;
}
