/**
 * Transformer chains. A chain is read backwards from the port that consumes it: an estimator's
 * `preprocess` input, a column route's `steps` input or a Transform table node's `transformer`
 * input. Each transformer's `in` port continues the chain upstream; a column router (or a lone
 * column route) starts one, since it consumes whole columns sets rather than a previous step.
 */
import type { ComponentDef, ComponentRegistry } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';
import type { GraphIndex } from './graph-index.ts';
import { type ResolvedParams, readString, readStringList, resolveParams } from './param-values.ts';

export type ChainStep = TransformerStep | ColumnsStep;

/** A scikit-learn transformer constructed from its component (`ClassName(kwargs)`). */
export interface TransformerStep {
  kind: 'transformer';
  node: PipelineNode;
  def: ComponentDef;
  params: ResolvedParams;
}

/** A ColumnTransformer: from a column router node, or from a column route used on its own. */
export interface ColumnsStep {
  kind: 'columns';
  node: PipelineNode;
  remainder: 'drop' | 'passthrough';
  routes: ColumnRoute[];
}

export interface ColumnRoute {
  node: PipelineNode;
  /** The route's own name, or '' to be numbered by the generator. */
  name: string;
  columns: string[];
  steps: ChainStep[];
}

export const STAGE_COLUMN_ROUTE = 'column-route';
export const STAGE_COLUMN_TRANSFORMER = 'column-transformer';

function stageOf(def: ComponentDef | undefined): string | undefined {
  return def?.python?.kind === 'stage' ? def.python.stage : undefined;
}

function isConstructor(def: ComponentDef | undefined): boolean {
  return def?.python?.kind === 'constructor';
}

/**
 * The steps of the chain arriving at `nodeId`'s input `portId`, first step first. Empty when the
 * port is unconnected. Unknown components and cycles end the chain (validation reports both).
 */
export function chainInto(
  index: GraphIndex,
  registry: ComponentRegistry,
  nodeId: string,
  portId: string,
  visiting: ReadonlySet<string> = new Set(),
): ChainStep[] {
  const edge = index.incoming(nodeId, portId)[0];
  if (!edge) return [];
  return chainEndingAt(index, registry, edge.source, new Set([...visiting, nodeId]));
}

/** The chain whose last step is the transformer node `nodeId`. */
export function chainEndingAt(
  index: GraphIndex,
  registry: ComponentRegistry,
  nodeId: string,
  visiting: ReadonlySet<string> = new Set(),
): ChainStep[] {
  const node = index.node(nodeId);
  if (!node || visiting.has(nodeId)) return [];
  const def = registry.get(node.type);
  if (!def) return [];
  const inner = new Set([...visiting, nodeId]);
  if (isConstructor(def)) {
    const step: TransformerStep = { kind: 'transformer', node, def, params: resolveParams(def, node) };
    return [...chainInto(index, registry, nodeId, 'in', visiting), step];
  }
  const stage = stageOf(def);
  if (stage === STAGE_COLUMN_ROUTE) {
    return [
      { kind: 'columns', node, remainder: 'drop', routes: [readRoute(index, registry, node, def, inner)] },
    ];
  }
  if (stage === STAGE_COLUMN_TRANSFORMER) {
    const params = resolveParams(def, node);
    const routes: ColumnRoute[] = [];
    for (const routeEdge of index.incoming(nodeId, 'routes')) {
      const routeNode = index.node(routeEdge.source);
      const routeDef = routeNode && registry.get(routeNode.type);
      // Only column routes name their columns; validation reports anything else wired here.
      if (routeNode && routeDef && stageOf(routeDef) === STAGE_COLUMN_ROUTE && !inner.has(routeNode.id)) {
        routes.push(readRoute(index, registry, routeNode, routeDef, inner));
      }
    }
    const remainder = readString(params, 'remainder') === 'passthrough' ? 'passthrough' : 'drop';
    return [{ kind: 'columns', node, remainder, routes }];
  }
  return [];
}

function readRoute(
  index: GraphIndex,
  registry: ComponentRegistry,
  node: PipelineNode,
  def: ComponentDef,
  visiting: ReadonlySet<string>,
): ColumnRoute {
  const params = resolveParams(def, node);
  return {
    node,
    name: readString(params, 'name'),
    columns: readStringList(params, 'columns'),
    steps: chainInto(index, registry, node.id, 'steps', visiting),
  };
}

/** Every node id a chain contains (steps, routers, routes and their steps). */
export function chainNodeIds(steps: readonly ChainStep[]): string[] {
  const ids: string[] = [];
  for (const step of steps) {
    ids.push(step.node.id);
    if (step.kind === 'columns') {
      for (const route of step.routes) {
        if (route.node.id !== step.node.id) ids.push(route.node.id);
        ids.push(...chainNodeIds(route.steps));
      }
    }
  }
  return ids;
}
