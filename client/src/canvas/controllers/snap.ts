/**
 * Grid snapping. Positions land on a 16-unit grid by default (the dotted grid drawn behind the
 * nodes) and on an 8-unit grid when the person asks for fine placement, so cards line up without
 * anyone measuring.
 */
import type { Point } from './geometry.ts';

export const GRID = 16;
export const FINE_GRID = 8;
/** Arrow keys move by one grid step; with Shift by this many steps. */
export const NUDGE_MULTIPLIER = 4;

export function snap(value: number, grid: number): number {
  if (grid <= 0) return value;
  // `+ 0` turns -0 into 0 so snapped positions compare and serialise cleanly.
  return Math.round(value / grid) * grid + 0;
}

export function snapPoint(p: Point, grid: number): Point {
  return { x: snap(p.x, grid), y: snap(p.y, grid) };
}
