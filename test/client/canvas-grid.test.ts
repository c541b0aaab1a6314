import { describe, expect, it } from 'vitest';
import { gridLayout, MIN_DOT_GAP } from '../../client/src/canvas/controllers/grid.ts';

describe('dotted grid', () => {
  it('keeps dots at least MIN_DOT_GAP apart by coarsening the step ×4', () => {
    expect(gridLayout({ x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }).gap).toBe(16);
    expect(gridLayout({ x: 0, y: 0, zoom: 0.5 }, { width: 800, height: 600 }).gap).toBe(32);
    expect(gridLayout({ x: 0, y: 0, zoom: 0.1 }, { width: 800, height: 600 }).gap).toBeCloseTo(25.6);
    for (const zoom of [0.05, 0.2, 0.61, 2]) {
      expect(gridLayout({ x: 0, y: 0, zoom }, { width: 1, height: 1 }).gap).toBeGreaterThanOrEqual(
        MIN_DOT_GAP,
      );
    }
  });

  it('stays aligned with the canvas origin as the view pans', () => {
    const g = gridLayout({ x: 37, y: -5, zoom: 1 }, { width: 800, height: 600 });
    expect(g.offsetX).toBe((37 % 16) - 16);
    expect(g.offsetY).toBe(11 - 16);
    expect(g.width).toBe(832);
    // Any dot lands on a canvas point that is a multiple of the step.
    expect(((g.offsetX + 16 * 3 - 37) / 1) % 16).toBe(0);
  });
});
