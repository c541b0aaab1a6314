import { describe, expect, it } from 'vitest';
import { computeTidyLayout } from '../../client/src/canvas/controllers/auto-layout.ts';
import { GRID } from '../../client/src/canvas/controllers/snap.ts';

const node = (id: string, x: number, y: number) => ({
  id,
  x,
  y,
  height: 120,
  inputs: ['in'],
  outputs: ['out'],
});

describe('tidy layout (elk, layered left → right)', () => {
  it('orders a chain left to right on the grid, starting where the graph was', async () => {
    const nodes = [node('c', 0, 0), node('a', 500, 300), node('b', 100, 900)];
    const edges = [
      { id: 'e1', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' },
      { id: 'e2', source: 'b', sourcePort: 'out', target: 'c', targetPort: 'in' },
    ];
    const positions = await computeTidyLayout(nodes, edges);
    const a = positions.get('a')!;
    const b = positions.get('b')!;
    const c = positions.get('c')!;
    expect(a.x).toBeLessThan(b.x);
    expect(b.x).toBeLessThan(c.x);
    for (const p of positions.values()) {
      expect(p.x % GRID).toBe(0);
      expect(p.y % GRID).toBe(0);
    }
    expect(Math.min(a.x, b.x, c.x)).toBe(0);
    expect(Math.min(a.y, b.y, c.y)).toBe(0);
  });

  it('returns nothing for an empty graph and ignores edges to unknown nodes', async () => {
    expect((await computeTidyLayout([], [])).size).toBe(0);
    const positions = await computeTidyLayout(
      [node('a', 16, 16)],
      [{ id: 'e', source: 'a', sourcePort: 'out', target: 'ghost', targetPort: 'in' }],
    );
    expect(positions.get('a')).toEqual({ x: 16, y: 16 });
  });
});
