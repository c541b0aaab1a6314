/**
 * Viewport math: the one transform between screen (pixels relative to the canvas element) and
 * canvas coordinates. `screen = canvas * zoom + (x, y)`. The world layer is drawn with exactly
 * this as a CSS transform, so everything else can stay in canvas units.
 */
import type { Point, Rect, Size } from './geometry.ts';

export interface Viewport {
  /** Screen position of the canvas origin. */
  x: number;
  y: number;
  zoom: number;
}

/** Far enough out to see a 1,000-node graph whole; far enough in to read port labels easily. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
/** Zoom-to-fit never magnifies past 100%: a two-node graph should not fill the screen. */
export const FIT_MAX_ZOOM = 1;
/** Screen pixels kept free around the content on zoom-to-fit. */
export const FIT_PADDING = 48;

export const IDENTITY_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number, min = MIN_ZOOM, max = MAX_ZOOM): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(max, Math.max(min, zoom));
}

export function screenToCanvas(v: Viewport, p: Point): Point {
  return { x: (p.x - v.x) / v.zoom, y: (p.y - v.y) / v.zoom };
}

export function canvasToScreen(v: Viewport, p: Point): Point {
  return { x: p.x * v.zoom + v.x, y: p.y * v.zoom + v.y };
}

/**
 * Sets the zoom (clamped) while keeping the canvas point under `screenPoint` where it is, which is
 * what makes wheel and pinch zoom feel anchored to the pointer.
 */
export function zoomAround(
  v: Viewport,
  screenPoint: Point,
  nextZoom: number,
  min = MIN_ZOOM,
  max = MAX_ZOOM,
): Viewport {
  const zoom = clampZoom(nextZoom, min, max);
  const anchor = screenToCanvas(v, screenPoint);
  return { x: screenPoint.x - anchor.x * zoom, y: screenPoint.y - anchor.y * zoom, zoom };
}

/** Multiplies the zoom by `factor` around a screen point. */
export function zoomBy(
  v: Viewport,
  screenPoint: Point,
  factor: number,
  min = MIN_ZOOM,
  max = MAX_ZOOM,
): Viewport {
  return zoomAround(v, screenPoint, v.zoom * factor, min, max);
}

export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { x: v.x + dx, y: v.y + dy, zoom: v.zoom };
}

/** The canvas-space rectangle currently visible in a view of `size` screen pixels. */
export function visibleRect(v: Viewport, size: Size): Rect {
  const topLeft = screenToCanvas(v, { x: 0, y: 0 });
  return { x: topLeft.x, y: topLeft.y, width: size.width / v.zoom, height: size.height / v.zoom };
}

/** The canvas point at the centre of the view (where keyboard-added nodes go). */
export function viewCenter(v: Viewport, size: Size): Point {
  return screenToCanvas(v, { x: size.width / 2, y: size.height / 2 });
}

/** Centres a canvas point in the view without changing zoom (used to follow a person). */
export function centerOn(v: Viewport, size: Size, p: Point): Viewport {
  return { x: size.width / 2 - p.x * v.zoom, y: size.height / 2 - p.y * v.zoom, zoom: v.zoom };
}

export interface FitOptions {
  padding?: number;
  /** Screen pixels covered by controls along the bottom edge (kept clear of content). */
  bottomInset?: number;
  minZoom?: number;
  maxZoom?: number;
}

/** A viewport that shows `bounds` whole and centred in a view of `size` (above any bottom inset). */
export function fitBounds(bounds: Rect, size: Size, options: FitOptions = {}): Viewport {
  const padding = options.padding ?? FIT_PADDING;
  const inset = Math.min(options.bottomInset ?? 0, size.height / 3);
  const availableW = Math.max(1, size.width - padding * 2);
  const availableH = Math.max(1, size.height - inset - padding * 2);
  const zoom = clampZoom(
    Math.min(availableW / Math.max(1, bounds.width), availableH / Math.max(1, bounds.height)),
    options.minZoom ?? MIN_ZOOM,
    options.maxZoom ?? FIT_MAX_ZOOM,
  );
  const cx = bounds.x + bounds.width / 2;
  const cy = bounds.y + bounds.height / 2;
  return { x: size.width / 2 - cx * zoom, y: (size.height - inset) / 2 - cy * zoom, zoom };
}

export function viewportsEqual(a: Viewport, b: Viewport): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}
