/**
 * What the generator is given: the graph without canvas positions (they never change the code,
 * and leaving them out lets a node drag skip regeneration), the pipeline's title, and the facts
 * of the pipeline's datasets (known CSV columns, for the lint).
 */

import type * as Y from 'yjs';
import type { DatasetFactsById } from '../../../shared/analysis/tables.ts';
import { readMeta, toGraph } from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { codeTitle } from './code-title.ts';

export interface CodegenInput {
  graph: PipelineGraph;
  title: string;
  datasets: DatasetFactsById;
}

const NO_DATASETS: DatasetFactsById = {};

export function readCodegenInput(doc: Y.Doc, datasets: DatasetFactsById = NO_DATASETS): CodegenInput {
  const { nodes, edges } = toGraph(doc);
  return {
    graph: { nodes: nodes.map(({ x: _x, y: _y, ...node }) => node), edges },
    title: codeTitle(readMeta(doc).name),
    datasets,
  };
}

/** Equal keys, equal code: the reader's output is deterministic (sorted ids and parameter names). */
export function codegenInputKey(input: CodegenInput): string {
  return JSON.stringify(input);
}
