/**
 * The SVG path of an edge: a horizontal-tangent cubic Bézier from an output port (leaving to the
 * right) to an input port (arriving from the left), like xyflow's bezier edge. When the target is
 * behind the source the handles grow so the curve loops around instead of cutting through cards.
 */
import type { Point, Rect } from './geometry.ts';

/** Minimum handle length so short edges still leave and enter their ports horizontally. */
const MIN_HANDLE = 40;

export function edgeHandleLength(source: Point, target: Point): number {
  const dx = target.x - source.x;
  if (dx >= 0) return Math.max(MIN_HANDLE, dx / 2);
  // Backwards edge: swing out in proportion to how far back (and how far apart vertically) it goes.
  return MIN_HANDLE + Math.min(200, Math.abs(dx) / 2 + Math.abs(target.y - source.y) / 4);
}

export function edgePath(source: Point, target: Point): string {
  const h = edgeHandleLength(source, target);
  return `M${r(source.x)},${r(source.y)} C${r(source.x + h)},${r(source.y)} ${r(target.x - h)},${r(target.y)} ${r(target.x)},${r(target.y)}`;
}

/** Half the widest stroke an edge draws (its 14-unit hit stroke), so bounds cover what it paints. */
const STROKE_REACH = 8;

/**
 * A box the whole curve (and its stroke) lies in: a cubic Bézier stays inside the hull of its
 * four control points. Loose, cheap and enough to tell whether an edge can reach a region.
 */
export function edgeBounds(source: Point, target: Point): Rect {
  const h = edgeHandleLength(source, target);
  const minX = Math.min(source.x, target.x - h) - STROKE_REACH;
  const maxX = Math.max(source.x + h, target.x) + STROKE_REACH;
  const minY = Math.min(source.y, target.y) - STROKE_REACH;
  const maxY = Math.max(source.y, target.y) + STROKE_REACH;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The point halfway along the curve (t = 0.5), for an edge's delete affordance or label. */
export function edgeMidpoint(source: Point, target: Point): Point {
  const h = edgeHandleLength(source, target);
  // Cubic at t=0.5: (P0 + 3P1 + 3P2 + P3) / 8
  return {
    x: (source.x + 3 * (source.x + h) + 3 * (target.x - h) + target.x) / 8,
    y: (source.y + 3 * source.y + 3 * target.y + target.y) / 8,
  };
}

/** Paths are strings; two decimals keep them short without visible error at any zoom. */
function r(n: number): number {
  return Math.round(n * 100) / 100;
}
