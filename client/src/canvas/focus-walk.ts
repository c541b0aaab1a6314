/**
 * Tab order on the canvas: nodes in reading order of the data flow (left to right, then top to
 * bottom); within a focused node its ports, so every port is reachable for keyboard connections,
 * then the edges leaving it, so every edge can be selected and deleted from the keyboard (each
 * edge leaves exactly one node, so each is visited once). Returns null at either end so Tab can
 * leave the canvas (no keyboard trap).
 */
import type { Point } from './controllers/geometry.ts';

export type FocusTarget =
  | { kind: 'node'; nodeId: string }
  | { kind: 'port'; nodeId: string; index: number }
  /** An edge, visited from its source node (`nodeId`). */
  | { kind: 'edge'; nodeId: string; edgeId: string };

export interface WalkInput {
  /** Node ids with where they are drawn. */
  nodes: readonly { id: string; position: Point }[];
  /** Number of focusable ports of a node (0 when read-only). */
  portCount(nodeId: string): number;
  /** The drawn edges leaving a node, in the order Tab visits them (see `edgeOrder`). */
  edgesFrom?(nodeId: string): readonly string[];
  current: FocusTarget | null;
  /** Where to start when nothing on the canvas has focus (e.g. the selected node). */
  start?: string | null;
}

export function spatialOrder(nodes: WalkInput['nodes']): string[] {
  return [...nodes]
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
}

/** Edges leaving one node: by the output they leave from, then where their target is drawn. */
export function edgeOrder(
  edges: readonly { id: string; sourcePortIndex: number; targetPosition: Point }[],
): string[] {
  return [...edges]
    .sort(
      (a, b) =>
        a.sourcePortIndex - b.sourcePortIndex ||
        a.targetPosition.x - b.targetPosition.x ||
        a.targetPosition.y - b.targetPosition.y ||
        (a.id < b.id ? -1 : 1),
    )
    .map((e) => e.id);
}

/** Everything Tab visits inside one node after the node itself: its ports, then its edges. */
function stopsWithin(input: WalkInput, nodeId: string): FocusTarget[] {
  const stops: FocusTarget[] = [];
  const ports = input.portCount(nodeId);
  for (let index = 0; index < ports; index++) stops.push({ kind: 'port', nodeId, index });
  for (const edgeId of input.edgesFrom?.(nodeId) ?? []) stops.push({ kind: 'edge', nodeId, edgeId });
  return stops;
}

function sameStop(a: FocusTarget, b: FocusTarget): boolean {
  if (a.kind !== b.kind || a.nodeId !== b.nodeId) return false;
  if (a.kind === 'port' && b.kind === 'port') return a.index === b.index;
  if (a.kind === 'edge' && b.kind === 'edge') return a.edgeId === b.edgeId;
  return true;
}

export function nextFocus(input: WalkInput, direction: 1 | -1): FocusTarget | null {
  const order = spatialOrder(input.nodes);
  if (order.length === 0) return null;
  const cur = input.current;
  if (!cur) {
    if (input.start && order.includes(input.start)) return { kind: 'node', nodeId: input.start };
    return direction === 1 ? { kind: 'node', nodeId: order[0] } : null;
  }
  const within = stopsWithin(input, cur.nodeId);
  // -1: on the node itself (or on a stop that is gone, e.g. an edge deleted meanwhile).
  const at = cur.kind === 'node' ? -1 : within.findIndex((stop) => sameStop(stop, cur));
  if (direction === 1) {
    if (at + 1 < within.length) return within[at + 1];
    const n = order.indexOf(cur.nodeId);
    return n >= 0 && n + 1 < order.length ? { kind: 'node', nodeId: order[n + 1] } : null;
  }
  if (cur.kind !== 'node') return at > 0 ? within[at - 1] : { kind: 'node', nodeId: cur.nodeId };
  const n = order.indexOf(cur.nodeId);
  if (n <= 0) return null;
  const previous = order[n - 1];
  return stopsWithin(input, previous).at(-1) ?? { kind: 'node', nodeId: previous };
}
