/**
 * "Tidy up": a layered left→right layout computed by elkjs. Pure data in, positions out; the
 * canvas applies the result as one gesture (one undo step). elk's bundle is large (~1.5 MB), so it
 * is imported on first use instead of with the canvas.
 *
 * Ports are passed with fixed positions (the card layout's), so elk orders nodes within a layer to
 * reduce crossings between the actual ports, not between node centres.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Point } from './geometry.ts';
import { NODE_WIDTH, portOffset } from './node-layout.ts';
import { GRID, snap } from './snap.ts';

export interface LayoutNodeInput {
  id: string;
  x: number;
  y: number;
  height: number;
  inputs: readonly string[];
  outputs: readonly string[];
}

export interface LayoutEdgeInput {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

/** Horizontal gap between layers: room for the curves and their port labels. */
const LAYER_GAP = 96;
/** Vertical gap between nodes within a layer. */
const NODE_GAP = 40;

export type ElkLayout = (graph: ElkNode) => Promise<ElkNode>;

type ElkConstructor = new () => { layout(graph: ElkNode): Promise<ElkNode> };

let defaultLayout: ElkLayout | null = null;

async function loadElk(): Promise<ElkLayout> {
  if (!defaultLayout) {
    const mod = await import('elkjs/lib/elk.bundled.js');
    // The bundle is CommonJS whose export is the class and also carries itself as `.default`;
    // depending on the interop (Vite, Node) the namespace's `default` is one or the other.
    const exported = mod.default as unknown as ElkConstructor & { default?: ElkConstructor };
    const Elk = exported.default ?? exported;
    const elk = new Elk();
    defaultLayout = (graph) => elk.layout(graph);
  }
  return defaultLayout;
}

const portKey = (nodeId: string, side: 'in' | 'out', portId: string) =>
  `${nodeId}\u0000${side}\u0000${portId}`;

export function toElkGraph(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[]): ElkNode {
  const known = new Set(nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.spacing.componentComponent': String(NODE_GAP * 2),
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: NODE_WIDTH,
      height: n.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [
        ...n.inputs.map((portId, i) => portShape(n.id, 'in', portId, i)),
        ...n.outputs.map((portId, i) => portShape(n.id, 'out', portId, i)),
      ],
    })),
    edges: edges
      .filter((e) => known.has(e.source) && known.has(e.target))
      .map((e) => ({
        id: e.id,
        sources: [portKey(e.source, 'out', e.sourcePort)],
        targets: [portKey(e.target, 'in', e.targetPort)],
      })),
  };
}

function portShape(nodeId: string, side: 'in' | 'out', portId: string, index: number) {
  const offset = portOffset(side, index);
  return {
    id: portKey(nodeId, side, portId),
    x: offset.x,
    y: offset.y,
    width: 0,
    height: 0,
    layoutOptions: { 'elk.port.side': side === 'in' ? 'WEST' : 'EAST' },
  };
}

/**
 * New positions for every node, snapped to the grid and translated so the layout starts where the
 * graph's top-left corner was (tidying should not throw the graph across the canvas).
 */
export async function computeTidyLayout(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  layout?: ElkLayout,
): Promise<Map<string, Point>> {
  const out = new Map<string, Point>();
  if (nodes.length === 0) return out;
  const run = layout ?? (await loadElk());
  const result = await run(toElkGraph(nodes, edges));
  const originX = Math.min(...nodes.map((n) => n.x));
  const originY = Math.min(...nodes.map((n) => n.y));
  const laidOut = result.children ?? [];
  const minX = Math.min(...laidOut.map((c) => c.x ?? 0));
  const minY = Math.min(...laidOut.map((c) => c.y ?? 0));
  for (const child of laidOut) {
    out.set(child.id, {
      x: snap(originX + (child.x ?? 0) - minX, GRID),
      y: snap(originY + (child.y ?? 0) - minY, GRID),
    });
  }
  return out;
}
