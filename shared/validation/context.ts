/** Everything the validation rules share: indexes, order, data schemas and the trained models. */
import { type EstimatorInfo, estimatorInto } from '../analysis/estimators.ts';
import { type GraphIndex, indexGraph } from '../analysis/graph-index.ts';
import {
  analyzeData,
  type DataAnalysis,
  type DatasetFactsById,
  type SplitSchema,
} from '../analysis/tables.ts';
import { topologicalOrder } from '../analysis/topology.ts';
import type { ComponentDef, ComponentRegistry } from '../catalog/types.ts';
import type { PipelineGraph, PipelineNode } from '../graph/types.ts';

/** A Train model node with what it trains and on which split (either may be missing). */
export interface TrainedModel {
  fit: PipelineNode;
  estimator: EstimatorInfo | undefined;
  split: SplitSchema | undefined;
}

export interface ValidationContext {
  graph: PipelineGraph;
  index: GraphIndex;
  registry: ComponentRegistry;
  order: string[];
  analysis: DataAnalysis;
  trained: TrainedModel[];
  def(node: PipelineNode): ComponentDef | undefined;
  stage(node: PipelineNode): string | undefined;
  /** “Label” as a person sees it on the canvas. */
  name(node: PipelineNode): string;
}

export function buildContext(
  graph: PipelineGraph,
  registry: ComponentRegistry,
  facts: DatasetFactsById,
): ValidationContext {
  const index = indexGraph(graph, registry);
  const { order } = topologicalOrder(index);
  const analysis = analyzeData(index, registry, order, facts);
  const def = (node: PipelineNode) => registry.get(node.type);
  const stage = (node: PipelineNode) => {
    const emission = def(node)?.python;
    return emission?.kind === 'stage' ? emission.stage : undefined;
  };
  const trained: TrainedModel[] = [];
  for (const nodeId of order) {
    const node = index.node(nodeId)!;
    if (stage(node) !== 'fit') continue;
    const splitEdge = index.incoming(nodeId, 'split')[0];
    trained.push({
      fit: node,
      estimator: estimatorInto(index, registry, nodeId),
      split: splitEdge ? analysis.splits.get(splitEdge.source) : undefined,
    });
  }
  return {
    graph,
    index,
    registry,
    order,
    analysis,
    trained,
    def,
    stage,
    name: (node) =>
      `“${(typeof node.label === 'string' && node.label.trim()) || def(node)?.label || node.type}”`,
  };
}

/** The Train model nodes whose models an evaluation or output node reads. */
export function trainedModelFeeding(ctx: ValidationContext, node: PipelineNode): TrainedModel | undefined {
  const edge = ctx.index.incoming(node.id, 'model')[0];
  return edge ? ctx.trained.find((model) => model.fit.id === edge.source) : undefined;
}
