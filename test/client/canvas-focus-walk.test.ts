import { describe, expect, it } from 'vitest';
import { nextFocus, spatialOrder } from '../../client/src/canvas/focus-walk.ts';

const nodes = [
  { id: 'c', position: { x: 600, y: 0 } },
  { id: 'a', position: { x: 0, y: 100 } },
  { id: 'b', position: { x: 300, y: 0 } },
  { id: 'b2', position: { x: 300, y: 200 } },
];
const ports = (n: number) => () => n;

describe('Tab order on the canvas', () => {
  it('follows the data flow: left to right, then top to bottom', () => {
    expect(spatialOrder(nodes)).toEqual(['a', 'b', 'b2', 'c']);
  });

  it('walks into a node’s ports before the next node, and leaves the canvas at the end', () => {
    const walk = (current: Parameters<typeof nextFocus>[0]['current'], dir: 1 | -1, portCount = 2) =>
      nextFocus({ nodes, portCount: ports(portCount), current }, dir);
    expect(walk(null, 1)).toEqual({ kind: 'node', nodeId: 'a' });
    expect(walk({ kind: 'node', nodeId: 'a' }, 1)).toEqual({ kind: 'port', nodeId: 'a', index: 0 });
    expect(walk({ kind: 'port', nodeId: 'a', index: 1 }, 1)).toEqual({ kind: 'node', nodeId: 'b' });
    expect(walk({ kind: 'node', nodeId: 'c' }, 1, 0)).toBeNull();
    expect(walk({ kind: 'node', nodeId: 'b' }, -1)).toEqual({ kind: 'port', nodeId: 'a', index: 1 });
    expect(walk({ kind: 'port', nodeId: 'b', index: 0 }, -1)).toEqual({ kind: 'node', nodeId: 'b' });
    expect(walk({ kind: 'node', nodeId: 'a' }, -1)).toBeNull();
    expect(walk(null, -1)).toBeNull();
  });

  it('starts from the selected node when focus comes from outside', () => {
    expect(nextFocus({ nodes, portCount: ports(0), current: null, start: 'b2' }, 1)).toEqual({
      kind: 'node',
      nodeId: 'b2',
    });
    expect(nextFocus({ nodes: [], portCount: ports(0), current: null }, 1)).toBeNull();
  });
});
