/**
 * What an `estimator` value is: a model component with its preprocessing chain, possibly wrapped
 * by grid searches. Read backwards from the node that outputs it.
 */
import type { ComponentDef, ComponentRegistry, EstimatorTask } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';
import { type ChainStep, chainInto } from './chains.ts';
import type { GraphIndex } from './graph-index.ts';
import { type ResolvedParams, resolveParams } from './param-values.ts';

export interface EstimatorInfo {
  /** The model component (LogisticRegression, KMeans, …). */
  model: PipelineNode;
  def: ComponentDef;
  params: ResolvedParams;
  task: EstimatorTask | undefined;
  /** Its preprocessing chain, composed before it in one Pipeline. */
  steps: ChainStep[];
  /** Grid searches wrapping the Pipeline, innermost first. */
  searches: PipelineNode[];
}

export const STAGE_GRID_SEARCH = 'grid-search';

/** Resolves the estimator that node `nodeId` outputs; undefined for an unknown or cyclic chain. */
export function resolveEstimator(
  index: GraphIndex,
  registry: ComponentRegistry,
  nodeId: string,
  visiting: ReadonlySet<string> = new Set(),
): EstimatorInfo | undefined {
  const node = index.node(nodeId);
  const def = node && registry.get(node.type);
  if (!node || !def || visiting.has(nodeId)) return undefined;
  if (def.python?.kind === 'stage' && def.python.stage === STAGE_GRID_SEARCH) {
    const edge = index.incoming(nodeId, 'estimator')[0];
    const inner = edge && resolveEstimator(index, registry, edge.source, new Set([...visiting, nodeId]));
    return inner && { ...inner, searches: [...inner.searches, node] };
  }
  if (def.python?.kind !== 'constructor' || !def.outputs.some((port) => port.type === 'estimator'))
    return undefined;
  return {
    model: node,
    def,
    params: resolveParams(def, node),
    task: def.ml?.task,
    steps: chainInto(index, registry, nodeId, 'preprocess', visiting),
    searches: [],
  };
}

/** The estimator feeding a consumer's `estimator` input (a Train model or grid search node). */
export function estimatorInto(
  index: GraphIndex,
  registry: ComponentRegistry,
  nodeId: string,
): EstimatorInfo | undefined {
  const edge = index.incoming(nodeId, 'estimator')[0];
  return edge ? resolveEstimator(index, registry, edge.source, new Set([nodeId])) : undefined;
}
