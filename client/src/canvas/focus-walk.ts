/**
 * Tab order on the canvas: nodes in reading order of the data flow (left to right, then top to
 * bottom), and within a focused node its ports, so every port is reachable for keyboard
 * connections. Returns null at either end so Tab can leave the canvas (no keyboard trap).
 */
import type { Point } from './controllers/geometry.ts';

export type FocusTarget = { kind: 'node'; nodeId: string } | { kind: 'port'; nodeId: string; index: number };

export interface WalkInput {
  /** Node ids with where they are drawn. */
  nodes: readonly { id: string; position: Point }[];
  /** Number of focusable ports of a node (0 when read-only). */
  portCount(nodeId: string): number;
  current: FocusTarget | null;
  /** Where to start when nothing on the canvas has focus (e.g. the selected node). */
  start?: string | null;
}

export function spatialOrder(nodes: WalkInput['nodes']): string[] {
  return [...nodes]
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y || (a.id < b.id ? -1 : 1))
    .map((n) => n.id);
}

export function nextFocus(input: WalkInput, direction: 1 | -1): FocusTarget | null {
  const order = spatialOrder(input.nodes);
  if (order.length === 0) return null;
  const cur = input.current;
  if (!cur) {
    if (input.start && order.includes(input.start)) return { kind: 'node', nodeId: input.start };
    return direction === 1 ? { kind: 'node', nodeId: order[0] } : null;
  }
  const ports = input.portCount(cur.nodeId);
  if (direction === 1) {
    if (cur.kind === 'node' && ports > 0) return { kind: 'port', nodeId: cur.nodeId, index: 0 };
    if (cur.kind === 'port' && cur.index + 1 < ports)
      return { kind: 'port', nodeId: cur.nodeId, index: cur.index + 1 };
    const at = order.indexOf(cur.nodeId);
    return at >= 0 && at + 1 < order.length ? { kind: 'node', nodeId: order[at + 1] } : null;
  }
  if (cur.kind === 'port') {
    return cur.index > 0
      ? { kind: 'port', nodeId: cur.nodeId, index: cur.index - 1 }
      : { kind: 'node', nodeId: cur.nodeId };
  }
  const at = order.indexOf(cur.nodeId);
  if (at <= 0) return null;
  const previous = order[at - 1];
  const previousPorts = input.portCount(previous);
  return previousPorts > 0
    ? { kind: 'port', nodeId: previous, index: previousPorts - 1 }
    : { kind: 'node', nodeId: previous };
}
