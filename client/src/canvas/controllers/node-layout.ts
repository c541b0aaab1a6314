/**
 * The card layout of a node in canvas units. The DOM card positions its ports with these same
 * numbers, so port hit-testing, edge endpoints, marquee and auto-layout are all pure geometry and
 * never need to measure the DOM (which would force layout on every pointer move).
 *
 *   ┌────────────────────────┐ ← category strip (inside HEADER_HEIGHT)
 *   │ [icon] Label            │
 *   │        ShortName        │
 *   ●─ in            out ─●   ← one PORT_ROW per port, inputs left, outputs right
 *   │ key: value · key: value │ ← summary, at most SUMMARY_MAX_LINES
 *   └────────────────────────┘
 */
import type { Point, Rect } from './geometry.ts';

export const NODE_WIDTH = 224;
export const HEADER_HEIGHT = 52;
export const PORT_ROW = 22;
/** Space above and below the port rows. */
export const PORTS_PADDING = 4;
export const SUMMARY_LINE = 16;
export const SUMMARY_PADDING = 8;
/** Two lines keep typical cards under 140 units: templates lay nodes out on 160-unit rows. */
export const SUMMARY_MAX_LINES = 2;
/** Heights are rounded up to this so card bottoms sit on the grid too. */
export const HEIGHT_STEP = 8;

export type PortSide = 'in' | 'out';

export interface NodeShape {
  inputs: number;
  outputs: number;
  summaryLines: number;
}

export function portsHeight(shape: NodeShape): number {
  const rows = Math.max(shape.inputs, shape.outputs);
  return rows === 0 ? 0 : rows * PORT_ROW + PORTS_PADDING * 2;
}

export function summaryHeight(shape: NodeShape): number {
  const lines = Math.min(SUMMARY_MAX_LINES, Math.max(0, shape.summaryLines));
  return lines === 0 ? 0 : lines * SUMMARY_LINE + SUMMARY_PADDING * 2;
}

export function nodeHeight(shape: NodeShape): number {
  const raw = HEADER_HEIGHT + portsHeight(shape) + summaryHeight(shape);
  return Math.ceil(raw / HEIGHT_STEP) * HEIGHT_STEP;
}

/** Top of the port row block, relative to the card. */
export const PORTS_TOP = HEADER_HEIGHT + PORTS_PADDING;

/** The centre of a port relative to its card's top-left corner. */
export function portOffset(side: PortSide, index: number): Point {
  return { x: side === 'in' ? 0 : NODE_WIDTH, y: PORTS_TOP + index * PORT_ROW + PORT_ROW / 2 };
}

export function portPosition(node: Point, side: PortSide, index: number): Point {
  const offset = portOffset(side, index);
  return { x: node.x + offset.x, y: node.y + offset.y };
}

export function nodeRect(node: Point, shape: NodeShape): Rect {
  return { x: node.x, y: node.y, width: NODE_WIDTH, height: nodeHeight(shape) };
}
