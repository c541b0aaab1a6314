/**
 * What the generator is given: the graph without canvas positions (they never change the code,
 * and leaving them out lets a node drag skip regeneration) and the pipeline's title.
 */

import type * as Y from 'yjs';
import { readMeta, toGraph } from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { codeTitle } from './code-title.ts';

export interface CodegenInput {
  graph: PipelineGraph;
  title: string;
}

export function readCodegenInput(doc: Y.Doc): CodegenInput {
  const { nodes, edges } = toGraph(doc);
  return {
    graph: { nodes: nodes.map(({ x: _x, y: _y, ...node }) => node), edges },
    title: codeTitle(readMeta(doc).name),
  };
}

/** Equal keys, equal code: the reader's output is deterministic (sorted ids and parameter names). */
export function codegenInputKey(input: CodegenInput): string {
  return JSON.stringify(input);
}
