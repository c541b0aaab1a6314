import { describe, expect, it } from 'vitest';
import { edgeMidpoint, edgePath } from '../../client/src/canvas/controllers/edge-path.ts';
import { rectFromPoints, unionRects } from '../../client/src/canvas/controllers/geometry.ts';
import { nodeAt, nodesInRect, portAt } from '../../client/src/canvas/controllers/hit-test.ts';
import {
  HEIGHT_STEP,
  NODE_WIDTH,
  nodeHeight,
  nodeRect,
  portPosition,
} from '../../client/src/canvas/controllers/node-layout.ts';
import { FINE_GRID, GRID, snap, snapPoint } from '../../client/src/canvas/controllers/snap.ts';

const shape = { inputs: 1, outputs: 2, summaryLines: 2 };
const box = (id: string, x: number, y: number) => ({
  id,
  rect: nodeRect({ x, y }, shape),
  inputs: ['in'],
  outputs: ['train', 'test'],
});

describe('snapping', () => {
  it('rounds to the nearest grid line on both grids', () => {
    expect(snap(7, GRID)).toBe(0);
    expect(snap(9, GRID)).toBe(16);
    expect(snap(-9, GRID)).toBe(-16);
    expect(snap(-7, GRID)).toBe(0);
    expect(Object.is(snap(-7, GRID), -0)).toBe(false);
    expect(snap(13, FINE_GRID)).toBe(16);
    expect(snap(11, FINE_GRID)).toBe(8);
    expect(snapPoint({ x: 23.9, y: 40.1 }, GRID)).toEqual({ x: 16, y: 48 });
    expect(snap(5.5, 0)).toBe(5.5);
  });
});

describe('node layout', () => {
  it('gives card heights on the height step and ports on the card edges', () => {
    expect(nodeHeight(shape) % HEIGHT_STEP).toBe(0);
    expect(nodeHeight({ inputs: 0, outputs: 0, summaryLines: 0 })).toBeGreaterThan(0);
    const a = portPosition({ x: 100, y: 50 }, 'in', 0);
    const b = portPosition({ x: 100, y: 50 }, 'out', 1);
    expect(a.x).toBe(100);
    expect(b.x).toBe(100 + NODE_WIDTH);
    expect(b.y).toBeGreaterThan(a.y);
    expect(b.y).toBeLessThan(50 + nodeHeight(shape));
  });
});

describe('hit testing', () => {
  const nodes = [box('a', 0, 0), box('b', 400, 0), box('c', 200, 300)];

  it('finds the topmost node under a point', () => {
    expect(nodeAt({ x: 10, y: 10 }, nodes)).toBe('a');
    expect(nodeAt({ x: 300, y: 10 }, nodes)).toBeNull();
    const overlapping = [box('under', 0, 0), box('over', 20, 20)];
    expect(nodeAt({ x: 30, y: 30 }, overlapping)).toBe('over');
  });

  it('finds the nearest port within the radius, optionally on one side', () => {
    const out1 = portPosition({ x: 0, y: 0 }, 'out', 1);
    expect(portAt({ x: out1.x + 3, y: out1.y - 2 }, nodes, 10)).toMatchObject({
      nodeId: 'a',
      portId: 'test',
      side: 'out',
    });
    expect(portAt({ x: out1.x + 30, y: out1.y }, nodes, 10)).toBeNull();
    expect(portAt({ x: out1.x, y: out1.y }, nodes, 10, 'in')).toBeNull();
    const inB = portPosition({ x: 400, y: 0 }, 'in', 0);
    expect(portAt(inB, nodes, 10, 'in')).toMatchObject({ nodeId: 'b', portId: 'in', position: inB });
  });

  it('selects nodes a marquee touches, or only those it contains', () => {
    const rect = rectFromPoints({ x: 500, y: 500 }, { x: 150, y: 10 });
    expect(nodesInRect(rect, nodes).sort()).toEqual(['a', 'b', 'c']);
    expect(nodesInRect(rect, nodes, 'contain')).toEqual(['c']);
    expect(nodesInRect({ x: 1000, y: 1000, width: 5, height: 5 }, nodes)).toEqual([]);
  });

  it('unions rects', () => {
    expect(unionRects([])).toBeNull();
    expect(unionRects(nodes.map((n) => n.rect))).toEqual({
      x: 0,
      y: 0,
      width: 400 + NODE_WIDTH,
      height: 300 + nodeHeight(shape),
    });
  });
});

describe('edge paths', () => {
  it('leave and enter ports horizontally', () => {
    const d = edgePath({ x: 0, y: 0 }, { x: 200, y: 100 });
    expect(d).toBe('M0,0 C100,0 100,100 200,100');
    expect(edgeMidpoint({ x: 0, y: 0 }, { x: 200, y: 100 })).toEqual({ x: 100, y: 50 });
  });

  it('loops around for backwards edges', () => {
    const d = edgePath({ x: 300, y: 0 }, { x: 0, y: 0 });
    const [, c1x] = /C([\d.-]+),/.exec(d) ?? [];
    expect(Number(c1x)).toBeGreaterThan(300);
  });
});
