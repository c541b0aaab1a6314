/**
 * The dotted background: dots every 16 canvas units, or every 64, 256… when zoomed out, so they
 * stay at least MIN_DOT_GAP screen pixels apart and never turn into noise. The grid is drawn as
 * one element a gap larger than the view on each side, shifted by the pan offset modulo the gap,
 * so its size depends only on the view and the pattern stays aligned with the canvas origin.
 * Below TINY_ZOOM the canvas draws no grid at all (PipelineCanvas.tsx).
 */
import type { Size } from './geometry.ts';
import { GRID } from './snap.ts';
import type { Viewport } from './viewport.ts';

export const MIN_DOT_GAP = 10;

export interface GridLayout {
  /** Screen pixels between dots. */
  gap: number;
  width: number;
  height: number;
  offsetX: number;
  offsetY: number;
}

export function gridLayout(v: Viewport, size: Size): GridLayout {
  let step = GRID;
  while (step * v.zoom < MIN_DOT_GAP) step *= 4;
  const gap = step * v.zoom;
  const mod = (n: number) => ((n % gap) + gap) % gap;
  return {
    gap,
    width: size.width + gap * 2,
    height: size.height + gap * 2,
    offsetX: mod(v.x) - gap,
    offsetY: mod(v.y) - gap,
  };
}
