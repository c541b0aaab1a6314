import { describe, expect, it } from 'vitest';
import { frameRect, project } from '../../client/src/canvas/Minimap.tsx';

const WIDTH = 176;
const HEIGHT = 112;

describe('the minimap frame of the visible area', () => {
  const p = project({ x: 0, y: 0, width: 2000, height: 1000 });
  const toMinimap = (x: number, y: number) => ({ x: x * p.scale + p.offset.x, y: y * p.scale + p.offset.y });

  it('is the view projected onto the minimap when the view lies inside it', () => {
    const view = { x: 200, y: 100, width: 800, height: 500 };
    const r = frameRect(p, view);
    const topLeft = toMinimap(200, 100);
    expect(r.x).toBeCloseTo(topLeft.x);
    expect(r.y).toBeCloseTo(topLeft.y);
    expect(r.width).toBeCloseTo(800 * p.scale);
    expect(r.height).toBeCloseTo(500 * p.scale);
  });

  it('is clipped to the minimap when the view is larger than everything', () => {
    const r = frameRect(p, { x: -50_000, y: -50_000, width: 100_000, height: 100_000 });
    expect(r).toEqual({ x: 0, y: 0, width: WIDTH, height: HEIGHT });
  });

  it('keeps a sliver at the edge the view lies towards when it is far from every node', () => {
    const right = frameRect(p, { x: 90_000, y: 200, width: 800, height: 500 });
    expect(right.x + right.width).toBeLessThanOrEqual(WIDTH);
    expect(right.width).toBeGreaterThanOrEqual(4);
    expect(right.x).toBeGreaterThan(WIDTH / 2);
    const above = frameRect(p, { x: 200, y: -90_000, width: 800, height: 500 });
    expect(above.y).toBe(0);
    expect(above.height).toBe(4);
    const below = frameRect(p, { x: 200, y: 90_000, width: 800, height: 500 });
    expect(below.y + below.height).toBeLessThanOrEqual(HEIGHT);
    expect(below.height).toBeGreaterThanOrEqual(4);
  });
});
