/**
 * Lookup tables over a plain graph: nodes by id and edges by endpoint. Edges that cannot carry a
 * value are left out — a node that does not exist, a port the component does not have, types
 * that do not match — so analysis and generation see only real connections (validation reports
 * the others from the raw graph).
 */
import { isPortCompatible } from '../catalog/ports.ts';
import type { ComponentRegistry } from '../catalog/types.ts';
import type { PipelineEdge, PipelineGraph, PipelineNode } from '../graph/types.ts';

export interface GraphIndex {
  readonly graph: PipelineGraph;
  node(id: string): PipelineNode | undefined;
  /** Edges into one input port, ordered by source node id then edge id (a stable, replica-independent order). */
  incoming(nodeId: string, portId: string): readonly PipelineEdge[];
  /** Every edge into a node, same order. */
  incomingAll(nodeId: string): readonly PipelineEdge[];
  /** Every edge out of a node, ordered by target node id then edge id. */
  outgoing(nodeId: string): readonly PipelineEdge[];
}

const NO_EDGES: readonly PipelineEdge[] = [];

function compareIds(a: string, b: string): number {
  // Code-unit order, not localeCompare: the same on every machine and locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether an edge joins an existing output to an existing input of a compatible type. */
function carriesValue(
  edge: PipelineEdge,
  nodes: Map<string, PipelineNode>,
  registry: ComponentRegistry,
): boolean {
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source || !target) return false;
  const sourceDef = registry.get(source.type);
  const targetDef = registry.get(target.type);
  // An unknown component is reported on its own; its edges still order the graph.
  if (!sourceDef || !targetDef) return true;
  const out = sourceDef.outputs.find((port) => port.id === edge.sourcePort);
  const into = targetDef.inputs.find((port) => port.id === edge.targetPort);
  return out !== undefined && into !== undefined && isPortCompatible(out.type, into.type);
}

export function indexGraph(graph: PipelineGraph, registry: ComponentRegistry): GraphIndex {
  const nodes = new Map<string, PipelineNode>();
  for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);

  const inByPort = new Map<string, PipelineEdge[]>();
  const inByNode = new Map<string, PipelineEdge[]>();
  const outByNode = new Map<string, PipelineEdge[]>();
  const push = (map: Map<string, PipelineEdge[]>, key: string, edge: PipelineEdge) => {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  };
  for (const edge of graph.edges) {
    if (!carriesValue(edge, nodes, registry)) continue;
    push(inByPort, `${edge.target}\u0000${edge.targetPort}`, edge);
    push(inByNode, edge.target, edge);
    push(outByNode, edge.source, edge);
  }
  const bySource = (a: PipelineEdge, b: PipelineEdge) =>
    compareIds(a.source, b.source) || compareIds(a.id, b.id);
  const byTarget = (a: PipelineEdge, b: PipelineEdge) =>
    compareIds(a.target, b.target) || compareIds(a.id, b.id);
  for (const list of inByPort.values()) list.sort(bySource);
  for (const list of inByNode.values()) list.sort(bySource);
  for (const list of outByNode.values()) list.sort(byTarget);

  return {
    graph,
    node: (id) => nodes.get(id),
    incoming: (nodeId, portId) => inByPort.get(`${nodeId}\u0000${portId}`) ?? NO_EDGES,
    incomingAll: (nodeId) => inByNode.get(nodeId) ?? NO_EDGES,
    outgoing: (nodeId) => outByNode.get(nodeId) ?? NO_EDGES,
  };
}

export { compareIds };
