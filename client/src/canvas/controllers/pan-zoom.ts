/**
 * Pan and zoom, in the manner of xyflow's XYPanZoom: it reads and writes the viewport through
 * callbacks and knows nothing about Solid or the DOM. Background drags pan, the wheel zooms around
 * the pointer (trackpad pinch arrives as ctrl+wheel and zooms faster), Shift+wheel pans, and two
 * touch pointers pinch-zoom around their midpoint.
 */
import { distance, type Point } from './geometry.ts';
import type { PointerInput, WheelInput } from './input.ts';
import { MAX_ZOOM, MIN_ZOOM, panBy, screenToCanvas, type Viewport, zoomAround, zoomBy } from './viewport.ts';

/** Wheel deltas (pixels) → zoom exponent. A mouse notch (~100 px) zooms by about 15%. */
const WHEEL_ZOOM_SPEED = 0.002;
/** Pinch gestures report small deltas; this makes them track the fingers. */
const PINCH_ZOOM_SPEED = 0.01;
const LINE_HEIGHT_PX = 16;
const PAGE_HEIGHT_PX = 800;
/** Step used by zoom buttons and the +/- keys. */
export const ZOOM_STEP = 1.2;

export interface PanZoomOptions {
  getViewport(): Viewport;
  setViewport(viewport: Viewport): void;
  minZoom?: number;
  maxZoom?: number;
}

export interface PanZoomController {
  /** Starts a pan (or, with a second touch pointer, a pinch). */
  pointerDown(input: PointerInput): void;
  /** Returns true when the move was consumed by a pan or pinch. */
  pointerMove(input: PointerInput): boolean;
  pointerUp(input: PointerInput): void;
  wheel(input: WheelInput): void;
  zoomIn(center: Point): void;
  zoomOut(center: Point): void;
  isActive(): boolean;
  update(options: Partial<PanZoomOptions>): void;
  destroy(): void;
}

interface Pinch {
  startDistance: number;
  startZoom: number;
  /** The canvas point under the fingers' midpoint when the pinch began; it stays under them. */
  anchor: Point;
}

export function makePanZoom(initial: PanZoomOptions): PanZoomController {
  let options = initial;
  const pointers = new Map<number, Point>();
  let last: Point | null = null;
  let pinch: Pinch | null = null;

  const min = () => options.minZoom ?? MIN_ZOOM;
  const max = () => options.maxZoom ?? MAX_ZOOM;

  function startPinch() {
    const [a, b] = [...pointers.values()];
    const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const v = options.getViewport();
    pinch = { startDistance: Math.max(1, distance(a, b)), startZoom: v.zoom, anchor: screenToCanvas(v, mid) };
    last = null;
  }

  return {
    pointerDown(input) {
      pointers.set(input.pointerId, { x: input.x, y: input.y });
      if (pointers.size === 2) startPinch();
      else if (pointers.size === 1) last = { x: input.x, y: input.y };
    },
    pointerMove(input) {
      if (!pointers.has(input.pointerId)) return false;
      pointers.set(input.pointerId, { x: input.x, y: input.y });
      if (pinch && pointers.size >= 2) {
        const [a, b] = [...pointers.values()];
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const zoom = Math.min(
          max(),
          Math.max(min(), (pinch.startZoom * distance(a, b)) / pinch.startDistance),
        );
        options.setViewport({ x: mid.x - pinch.anchor.x * zoom, y: mid.y - pinch.anchor.y * zoom, zoom });
        return true;
      }
      if (!last) return false;
      const dx = input.x - last.x;
      const dy = input.y - last.y;
      last = { x: input.x, y: input.y };
      if (dx !== 0 || dy !== 0) options.setViewport(panBy(options.getViewport(), dx, dy));
      return true;
    },
    pointerUp(input) {
      pointers.delete(input.pointerId);
      if (pointers.size < 2) pinch = null;
      // Lifting one finger of a pinch continues as a pan with the remaining one.
      const remaining = [...pointers.values()][0];
      last = remaining ? { ...remaining } : null;
    },
    wheel(input) {
      const scale = input.deltaMode === 1 ? LINE_HEIGHT_PX : input.deltaMode === 2 ? PAGE_HEIGHT_PX : 1;
      const dx = input.deltaX * scale;
      const dy = input.deltaY * scale;
      const v = options.getViewport();
      if (input.shiftKey && !input.ctrlKey && !input.metaKey) {
        // Shift+wheel pans; browsers put a vertical wheel into deltaX when Shift is held on some platforms.
        options.setViewport(panBy(v, -(dx || dy), 0));
        return;
      }
      const speed = input.ctrlKey || input.metaKey ? PINCH_ZOOM_SPEED : WHEEL_ZOOM_SPEED;
      options.setViewport(zoomBy(v, input, 2 ** (-dy * speed), min(), max()));
    },
    zoomIn(center) {
      options.setViewport(
        zoomAround(options.getViewport(), center, options.getViewport().zoom * ZOOM_STEP, min(), max()),
      );
    },
    zoomOut(center) {
      options.setViewport(
        zoomAround(options.getViewport(), center, options.getViewport().zoom / ZOOM_STEP, min(), max()),
      );
    },
    isActive() {
      return last !== null || pinch !== null;
    },
    update(partial) {
      options = { ...options, ...partial };
    },
    destroy() {
      pointers.clear();
      last = null;
      pinch = null;
    },
  };
}
