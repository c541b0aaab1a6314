import { describe, expect, it } from 'vitest';
import { edgeOrder, nextFocus, spatialOrder } from '../../client/src/canvas/focus-walk.ts';

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

  it('visits the edges leaving a node after its ports, each edge once, both ways', () => {
    const edgesFrom = (id: string) => (id === 'a' ? ['a-b', 'a-b2'] : id === 'b' ? ['b-c'] : []);
    const walk = (current: Parameters<typeof nextFocus>[0]['current'], dir: 1 | -1, portCount = 1) =>
      nextFocus({ nodes, portCount: ports(portCount), edgesFrom, current }, dir);
    expect(walk({ kind: 'port', nodeId: 'a', index: 0 }, 1)).toEqual({
      kind: 'edge',
      nodeId: 'a',
      edgeId: 'a-b',
    });
    expect(walk({ kind: 'edge', nodeId: 'a', edgeId: 'a-b' }, 1)).toEqual({
      kind: 'edge',
      nodeId: 'a',
      edgeId: 'a-b2',
    });
    expect(walk({ kind: 'edge', nodeId: 'a', edgeId: 'a-b2' }, 1)).toEqual({ kind: 'node', nodeId: 'b' });
    // Read-only (no focusable ports): straight from the node to its edges.
    expect(walk({ kind: 'node', nodeId: 'b' }, 1, 0)).toEqual({ kind: 'edge', nodeId: 'b', edgeId: 'b-c' });
    // Backwards: from a node to the previous node's last edge, then its ports, then the node.
    expect(walk({ kind: 'node', nodeId: 'b' }, -1)).toEqual({ kind: 'edge', nodeId: 'a', edgeId: 'a-b2' });
    expect(walk({ kind: 'edge', nodeId: 'a', edgeId: 'a-b' }, -1)).toEqual({
      kind: 'port',
      nodeId: 'a',
      index: 0,
    });
    expect(walk({ kind: 'edge', nodeId: 'b', edgeId: 'b-c' }, -1, 0)).toEqual({ kind: 'node', nodeId: 'b' });
    // The full forward walk visits every edge exactly once and ends off the canvas.
    const seen: string[] = [];
    let at = walk(null, 1);
    while (at) {
      if (at.kind === 'edge') seen.push(at.edgeId);
      at = walk(at, 1);
    }
    expect(seen).toEqual(['a-b', 'a-b2', 'b-c']);
  });

  it('orders a node’s edges by output, then by where their targets are', () => {
    expect(
      edgeOrder([
        { id: 'late', sourcePortIndex: 1, targetPosition: { x: 0, y: 0 } },
        { id: 'below', sourcePortIndex: 0, targetPosition: { x: 300, y: 200 } },
        { id: 'above', sourcePortIndex: 0, targetPosition: { x: 300, y: 0 } },
      ]),
    ).toEqual(['above', 'below', 'late']);
  });
});
