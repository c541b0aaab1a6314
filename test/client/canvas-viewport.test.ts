import { describe, expect, it } from 'vitest';
import {
  canvasToScreen,
  centerOn,
  clampZoom,
  fitBounds,
  MAX_ZOOM,
  MIN_ZOOM,
  screenToCanvas,
  viewCenter,
  visibleRect,
  zoomAround,
} from '../../client/src/canvas/controllers/viewport.ts';

describe('viewport math', () => {
  it('round-trips screen and canvas coordinates', () => {
    const v = { x: 120, y: -40, zoom: 1.5 };
    const p = { x: 33, y: 77 };
    const back = screenToCanvas(v, canvasToScreen(v, p));
    expect(back.x).toBeCloseTo(p.x);
    expect(back.y).toBeCloseTo(p.y);
    expect(canvasToScreen(v, { x: 0, y: 0 })).toEqual({ x: 120, y: -40 });
  });

  it('zooms around a point: the canvas point under the pointer stays put', () => {
    const v = { x: 10, y: 20, zoom: 1 };
    const pointer = { x: 300, y: 200 };
    const before = screenToCanvas(v, pointer);
    const next = zoomAround(v, pointer, 1.7);
    expect(next.zoom).toBe(1.7);
    const after = screenToCanvas(next, pointer);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('clamps the scale, and treats a non-finite zoom as 100%', () => {
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(clampZoom(0.0001)).toBe(MIN_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);
    const v = zoomAround({ x: 0, y: 0, zoom: 1 }, { x: 50, y: 50 }, 99);
    expect(v.zoom).toBe(MAX_ZOOM);
    // Still anchored at the clamped zoom.
    expect(screenToCanvas(v, { x: 50, y: 50 }).x).toBeCloseTo(50);
  });

  it('fits bounds centred with padding, never magnifying past 100%', () => {
    const size = { width: 1000, height: 600 };
    const big = fitBounds({ x: 0, y: 0, width: 4000, height: 1000 }, size, { padding: 50 });
    expect(big.zoom).toBeCloseTo(900 / 4000);
    const centre = screenToCanvas(big, { x: 500, y: 300 });
    expect(centre.x).toBeCloseTo(2000);
    expect(centre.y).toBeCloseTo(500);

    const small = fitBounds({ x: 100, y: 100, width: 200, height: 100 }, size);
    expect(small.zoom).toBe(1);
    expect(viewCenter(small, size)).toEqual({ x: 200, y: 150 });
  });

  it('fits a huge scene at the minimum zoom instead of below it', () => {
    const v = fitBounds({ x: 0, y: 0, width: 100_000, height: 100 }, { width: 800, height: 600 });
    expect(v.zoom).toBe(MIN_ZOOM);
  });

  it('computes the visible rect and centres on a point', () => {
    const v = { x: -100, y: -50, zoom: 2 };
    expect(visibleRect(v, { width: 800, height: 600 })).toEqual({ x: 50, y: 25, width: 400, height: 300 });
    const centred = centerOn(v, { width: 800, height: 600 }, { x: 10, y: 10 });
    expect(viewCenter(centred, { width: 800, height: 600 })).toEqual({ x: 10, y: 10 });
  });
});
