/**
 * Where a new card goes when the person did not point at a spot (library click or Enter, quick-add,
 * "Add dataset"): the free place nearest to where it was meant to land (the middle of the view),
 * so it never covers a card or a suggestion ghost. Pure geometry in canvas units.
 */
import type { Point, Rect, Size } from './geometry.ts';
import { GRID, snapPoint } from './snap.ts';

export interface FreeSpotOptions {
  /** Clear space kept around the new card (default 24, about a port label). */
  gap?: number;
  /** Distance between candidate spots (default 32: two grid steps, so spots stay on the grid). */
  step?: number;
  /** How far to look before giving up and using the wished spot anyway (default 2400). */
  maxDistance?: number;
}

const DEFAULT_GAP = 24;
const DEFAULT_STEP = 2 * GRID;
const DEFAULT_MAX_DISTANCE = 2400;

/** Grid offsets (in steps) within `radius`, nearest first; ties go right, then down, then left. */
const offsetsByRadius = new Map<number, readonly Point[]>();
function offsetsWithin(radius: number): readonly Point[] {
  const known = offsetsByRadius.get(radius);
  if (known) return known;
  const offsets: Point[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      if (dx * dx + dy * dy <= radius * radius) offsets.push({ x: dx, y: dy });
    }
  }
  // Angle measured from "right", clockwise on screen (y grows downwards): right, down, left, up.
  const turn = (p: Point) => {
    const angle = Math.atan2(p.y, p.x);
    return angle < 0 ? angle + 2 * Math.PI : angle;
  };
  offsets.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || turn(a) - turn(b));
  offsetsByRadius.set(radius, offsets);
  return offsets;
}

/**
 * Top-left corner for a card of `size` nearest to `wish` (its wished top-left, snapped to the grid)
 * whose box, with `gap` around it, overlaps none of `occupied`. When nothing is free within
 * `maxDistance`, the snapped wish itself.
 */
export function nearestFreeSpot(
  wish: Point,
  size: Size,
  occupied: readonly Rect[],
  options: FreeSpotOptions = {},
): Point {
  const gap = options.gap ?? DEFAULT_GAP;
  const step = Math.max(1, options.step ?? DEFAULT_STEP);
  const maxDistance = Math.max(0, options.maxDistance ?? DEFAULT_MAX_DISTANCE);
  const start = snapPoint(wish, GRID);
  // Only boxes the search can reach take part: a big canvas far away costs nothing.
  const reach = maxDistance + gap;
  const near = occupied.filter(
    (r) =>
      r.x < start.x + size.width + reach &&
      start.x - reach < r.x + r.width &&
      r.y < start.y + size.height + reach &&
      start.y - reach < r.y + r.height,
  );
  const isFree = (x: number, y: number) =>
    !near.some(
      (r) =>
        x - gap < r.x + r.width &&
        r.x < x + size.width + gap &&
        y - gap < r.y + r.height &&
        r.y < y + size.height + gap,
    );
  for (const offset of offsetsWithin(Math.floor(maxDistance / step))) {
    const x = start.x + offset.x * step;
    const y = start.y + offset.y * step;
    if (isFree(x, y)) return { x, y };
  }
  return start;
}
