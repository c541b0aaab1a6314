/**
 * Level-of-detail geometry: the region around the view whose cards show their contents (kept while
 * the view stays well inside it, so a pan mounts cards in steps), and the bounds an edge's curve
 * stays in (which edges can reach that region).
 */
import { describe, expect, it } from 'vitest';
import {
  DETAIL_MARGIN,
  inDetailRegion,
  nextDetailRegion,
} from '../../client/src/canvas/controllers/detail-region.ts';
import { edgeBounds, edgeHandleLength } from '../../client/src/canvas/controllers/edge-path.ts';
import { visibleRect } from '../../client/src/canvas/controllers/viewport.ts';
import { TINY_ZOOM } from '../../client/src/canvas/controllers/zoom-levels.ts';

const size = { width: 1000, height: 600 };

describe('nextDetailRegion', () => {
  it('is the visible area plus half a view on each side', () => {
    const v = { x: -200, y: -100, zoom: 1 };
    const visible = visibleRect(v, size);
    expect(nextDetailRegion(null, v, size)).toEqual({
      x: visible.x - visible.width * DETAIL_MARGIN,
      y: visible.y - visible.height * DETAIL_MARGIN,
      width: visible.width * (1 + 2 * DETAIL_MARGIN),
      height: visible.height * (1 + 2 * DETAIL_MARGIN),
    });
  });

  it('is null when zoomed out past TINY_ZOOM: no card shows contents there', () => {
    expect(nextDetailRegion(null, { x: 0, y: 0, zoom: TINY_ZOOM * 0.9 }, size)).toBeNull();
    expect(nextDetailRegion(null, { x: 0, y: 0, zoom: TINY_ZOOM }, size)).not.toBeNull();
  });

  it('keeps the same region through a short pan, and moves it once the view nears its edge', () => {
    const start = nextDetailRegion(null, { x: 0, y: 0, zoom: 1 }, size)!;
    // A quarter of a view sideways: still well inside.
    expect(nextDetailRegion(start, { x: -250, y: 100, zoom: 1 }, size)).toBe(start);
    // Almost half a view: too close to the edge, so a fresh region centred on the new view.
    const moved = nextDetailRegion(start, { x: -450, y: 0, zoom: 1 }, size)!;
    expect(moved).not.toBe(start);
    expect(moved.x).toBeCloseTo(450 - 500);
  });

  it('grows when zooming out, and shrinks after zooming in a lot', () => {
    const start = nextDetailRegion(null, { x: 0, y: 0, zoom: 1 }, size)!;
    const out = nextDetailRegion(start, { x: 250, y: 150, zoom: 0.5 }, size)!;
    expect(out.width).toBeGreaterThan(start.width);
    // Zooming in a little keeps the (larger) region; a lot replaces it with a smaller one.
    expect(nextDetailRegion(start, { x: -50, y: -30, zoom: 1.1 }, size)).toBe(start);
    const zoomedIn = nextDetailRegion(start, { x: -750, y: -450, zoom: 2.5 }, size)!;
    expect(zoomedIn.width).toBeLessThan(start.width);
  });

  it('a card is in it when its box touches it', () => {
    const region = { x: 0, y: 0, width: 100, height: 100 };
    expect(inDetailRegion(region, { x: 90, y: 90, width: 224, height: 96 })).toBe(true);
    expect(inDetailRegion(region, { x: 120, y: 0, width: 224, height: 96 })).toBe(false);
    expect(inDetailRegion(null, { x: 0, y: 0, width: 224, height: 96 })).toBe(false);
  });
});

describe('edgeBounds', () => {
  it('holds both ends and both control points of the curve, with its stroke', () => {
    for (const [source, target] of [
      [
        { x: 0, y: 0 },
        { x: 300, y: 120 },
      ],
      // Backwards: the handles swing out past both ends.
      [
        { x: 500, y: 200 },
        { x: 100, y: -50 },
      ],
    ] as const) {
      const b = edgeBounds(source, target);
      const h = edgeHandleLength(source, target);
      for (const p of [source, target, { x: source.x + h, y: source.y }, { x: target.x - h, y: target.y }]) {
        expect(p.x).toBeGreaterThan(b.x);
        expect(p.x).toBeLessThan(b.x + b.width);
        expect(p.y).toBeGreaterThan(b.y);
        expect(p.y).toBeLessThan(b.y + b.height);
      }
    }
  });
});
