/**
 * Builders for test graphs from the real catalog: `data → [prep] → split → model (with a
 * transformer chain) → Train model → evaluations`. Node ids are short and readable so failures
 * point at the right node.
 */
import type { JsonValue } from '../../../shared/catalog/types.ts';
import type { PipelineEdge, PipelineGraph, PipelineNode } from '../../../shared/graph/types.ts';

export interface StepSpec {
  type: string;
  params?: Record<string, JsonValue>;
  label?: string;
}

export interface LinearPipelineSpec {
  source: StepSpec;
  /** Table → table nodes between the source and the split. */
  prepare?: StepSpec[];
  split?: Record<string, JsonValue>;
  /** Inserted between the split and Train model (a K-fold node). */
  folds?: Record<string, JsonValue>;
  transformers?: StepSpec[];
  model: StepSpec;
  search?: Record<string, JsonValue>;
  /** Nodes reading the fitted model (evaluations, outputs). */
  consumers?: StepSpec[];
}

export function graphNode(id: string, spec: StepSpec): PipelineNode {
  return { id, type: spec.type, label: spec.label ?? id, params: spec.params ?? {} };
}

export function graphEdge(
  source: string,
  sourcePort: string,
  target: string,
  targetPort: string,
): PipelineEdge {
  return { id: `${source}.${sourcePort}->${target}.${targetPort}`, source, sourcePort, target, targetPort };
}

export const SPLIT = 'sklearn.model_selection.train_test_split';
export const FIT = 'dominoml.model.Fit';

export function linearPipeline(spec: LinearPipelineSpec): PipelineGraph {
  const nodes: PipelineNode[] = [graphNode('source', spec.source)];
  const edges: PipelineEdge[] = [];
  let table = 'source';
  (spec.prepare ?? []).forEach((step, position) => {
    const id = `prep${position + 1}`;
    nodes.push(graphNode(id, step));
    edges.push(graphEdge(table, 'table', id, 'table'));
    table = id;
  });
  nodes.push(graphNode('split', { type: SPLIT, params: spec.split ?? {} }));
  edges.push(graphEdge(table, 'table', 'split', 'table'));
  let split = 'split';
  if (spec.folds) {
    nodes.push(graphNode('folds', { type: 'sklearn.model_selection.KFold', params: spec.folds }));
    edges.push(graphEdge('split', 'split', 'folds', 'split'));
    split = 'folds';
  }
  let previous: string | undefined;
  (spec.transformers ?? []).forEach((step, position) => {
    const id = `step${position + 1}`;
    nodes.push(graphNode(id, step));
    if (previous) edges.push(graphEdge(previous, 'out', id, 'in'));
    previous = id;
  });
  nodes.push(graphNode('model', spec.model));
  if (previous) edges.push(graphEdge(previous, 'out', 'model', 'preprocess'));
  let estimator = 'model';
  if (spec.search) {
    nodes.push(graphNode('search', { type: 'sklearn.model_selection.GridSearchCV', params: spec.search }));
    edges.push(graphEdge('model', 'estimator', 'search', 'estimator'));
    estimator = 'search';
  }
  nodes.push(graphNode('train', { type: FIT }));
  edges.push(graphEdge(estimator, 'estimator', 'train', 'estimator'));
  edges.push(graphEdge(split, 'split', 'train', 'split'));
  (spec.consumers ?? []).forEach((step, position) => {
    const id = `use${position + 1}`;
    nodes.push(graphNode(id, step));
    edges.push(graphEdge('train', 'model', id, 'model'));
  });
  return { nodes, edges };
}
