/**
 * Level of detail: which part of the canvas gets full cards (icon, titles, ports, summary) and
 * which gets bare positioned boxes. With 1,000 nodes at reading zoom, a dozen cards are on screen
 * and the other ~25,000 elements of their contents only cost layerization, hit testing and layout
 * on every frame; a card outside the region is one element.
 *
 * The region is the visible area plus half a view on every side, so a pan of up to half a screen
 * mounts nothing, and it is kept while the view stays well inside it (hysteresis): cards mount in
 * steps as a pan goes on, not on every frame.
 */
import { type Rect, rectsIntersect, type Size } from './geometry.ts';
import { type Viewport, visibleRect } from './viewport.ts';
import { TINY_ZOOM } from './zoom-levels.ts';

/** Margin on each side of the visible area, as a share of its width and height. */
export const DETAIL_MARGIN = 0.5;
/** The region is recomputed once the view comes closer than this share of a view to its edge. */
export const DETAIL_KEEP_MARGIN = 0.125;
/** Zoomed in a lot since the region was set: recompute when it is this many times the wanted area. */
export const DETAIL_MAX_GROWTH = 4;

function inflate(r: Rect, dx: number, dy: number): Rect {
  return { x: r.x - dx, y: r.y - dy, width: r.width + 2 * dx, height: r.height + 2 * dy };
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * The canvas-space rectangle whose cards show their contents, given the previous one: the same
 * object while it still serves (so a memo over it notifies nobody), null when zoomed out so far
 * that no card shows contents (see TINY_ZOOM).
 */
export function nextDetailRegion(previous: Rect | null, v: Viewport, size: Size): Rect | null {
  if (v.zoom < TINY_ZOOM) return null;
  const visible = visibleRect(v, size);
  const wanted = inflate(visible, visible.width * DETAIL_MARGIN, visible.height * DETAIL_MARGIN);
  if (previous) {
    const needed = inflate(visible, visible.width * DETAIL_KEEP_MARGIN, visible.height * DETAIL_KEEP_MARGIN);
    const tooLarge = previous.width * previous.height > DETAIL_MAX_GROWTH * wanted.width * wanted.height;
    if (contains(previous, needed) && !tooLarge) return previous;
  }
  return wanted;
}

/** Whether a card at `rect` shows its contents in `region`. */
export function inDetailRegion(region: Rect | null, rect: Rect): boolean {
  return region !== null && rectsIntersect(region, rect);
}
