import { describe, expect, it, vi } from 'vitest';
import { makeConnection, orientPair } from '../../client/src/canvas/controllers/connection.ts';
import { makeFrameThrottle } from '../../client/src/canvas/controllers/frame-throttle.ts';
import type { Point } from '../../client/src/canvas/controllers/geometry.ts';
import type { PortRef } from '../../client/src/canvas/controllers/hit-test.ts';
import type { PointerInput } from '../../client/src/canvas/controllers/input.ts';
import { makeMarquee } from '../../client/src/canvas/controllers/marquee.ts';
import { makeNodeDrag } from '../../client/src/canvas/controllers/node-drag.ts';
import { makePanZoom } from '../../client/src/canvas/controllers/pan-zoom.ts';
import type { Viewport } from '../../client/src/canvas/controllers/viewport.ts';

const pointer = (x: number, y: number, pointerId = 1): PointerInput => ({
  x,
  y,
  pointerId,
  button: 0,
  pointerType: 'mouse',
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
});

describe('pan/zoom controller', () => {
  const setup = (initial: Viewport = { x: 0, y: 0, zoom: 1 }) => {
    let viewport = initial;
    const controller = makePanZoom({ getViewport: () => viewport, setViewport: (v) => (viewport = v) });
    return { controller, viewport: () => viewport };
  };

  it('pans by the pointer delta while a background drag is active', () => {
    const { controller, viewport } = setup();
    controller.pointerDown(pointer(100, 100));
    expect(controller.pointerMove(pointer(130, 90))).toBe(true);
    controller.pointerMove(pointer(140, 80));
    expect(viewport()).toEqual({ x: 40, y: -20, zoom: 1 });
    controller.pointerUp(pointer(140, 80));
    expect(controller.isActive()).toBe(false);
    expect(controller.pointerMove(pointer(200, 200))).toBe(false);
  });

  it('zooms around the pointer on wheel, faster for pinch (ctrl+wheel), and pans on shift+wheel', () => {
    const { controller, viewport } = setup();
    controller.wheel({ ...pointer(200, 100), deltaX: 0, deltaY: -100, deltaMode: 0 });
    const wheelZoom = viewport().zoom;
    expect(wheelZoom).toBeGreaterThan(1);
    expect((200 - viewport().x) / viewport().zoom).toBeCloseTo(200);

    const pinch = setup();
    pinch.controller.wheel({ ...pointer(200, 100), ctrlKey: true, deltaX: 0, deltaY: -100, deltaMode: 0 });
    expect(pinch.viewport().zoom).toBeGreaterThan(wheelZoom);

    const pan = setup();
    pan.controller.wheel({ ...pointer(0, 0), shiftKey: true, deltaX: 0, deltaY: 50, deltaMode: 0 });
    expect(pan.viewport()).toEqual({ x: -50, y: 0, zoom: 1 });
  });

  it('pinch-zooms with two touch pointers around their midpoint', () => {
    const { controller, viewport } = setup();
    controller.pointerDown({ ...pointer(100, 100, 1), pointerType: 'touch' });
    controller.pointerDown({ ...pointer(200, 100, 2), pointerType: 'touch' });
    controller.pointerMove({ ...pointer(50, 100, 1), pointerType: 'touch' });
    controller.pointerMove({ ...pointer(250, 100, 2), pointerType: 'touch' });
    expect(viewport().zoom).toBeCloseTo(2);
    // The canvas point (150, 100) that was under the midpoint is still under it.
    expect((150 - viewport().x) / viewport().zoom).toBeCloseTo(150);
  });

  it('zoom buttons step around a centre and respect the clamp', () => {
    const { controller, viewport } = setup({ x: 0, y: 0, zoom: 1.9 });
    controller.zoomIn({ x: 0, y: 0 });
    controller.zoomIn({ x: 0, y: 0 });
    expect(viewport().zoom).toBe(2);
    controller.zoomOut({ x: 0, y: 0 });
    expect(viewport().zoom).toBeCloseTo(2 / 1.2);
  });
});

describe('node drag controller', () => {
  const positions = new Map<string, Point>([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 100, y: 40 }],
    ['c', { x: 500, y: 500 }],
  ]);
  const setup = (zoom = 1) => {
    const moves: Map<string, Point>[] = [];
    const ends: Map<string, Point>[] = [];
    const cancel = vi.fn();
    const drag = makeNodeDrag({
      getPosition: (id) => positions.get(id),
      getZoom: () => zoom,
      onMove: (p) => moves.push(new Map(p)),
      onEnd: (p) => ends.push(new Map(p)),
      onCancel: cancel,
    });
    return { drag, moves, ends, cancel };
  };

  it('moves every selected node by the snapped delta of the primary and commits once', () => {
    const { drag, moves, ends } = setup();
    drag.start(['a', 'b'], 'a', { x: 10, y: 10 });
    drag.move({ x: 20, y: 15 }); // +10,+5 → snaps to 16,0
    drag.move({ x: 41, y: 31 }); // +31,+21 → 32,16
    drag.move({ x: 42, y: 32 }); // same snapped position: no extra onMove
    expect(moves).toHaveLength(2);
    expect(moves[1].get('a')).toEqual({ x: 32, y: 16 });
    expect(moves[1].get('b')).toEqual({ x: 132, y: 56 });
    expect(drag.end()).toBe(true);
    expect(ends).toHaveLength(1);
    expect([...ends[0].keys()].sort()).toEqual(['a', 'b']);
  });

  it('snaps to the fine grid when asked', () => {
    const { drag, moves } = setup();
    drag.start(['a'], 'a', { x: 0, y: 0 });
    drag.move({ x: 11, y: 5 }, { fine: true });
    expect(moves.at(-1)?.get('a')).toEqual({ x: 8, y: 8 });
  });

  it('treats a press that moves less than the threshold (in screen pixels) as a click', () => {
    const { drag, moves, ends } = setup(0.5);
    drag.start(['a'], 'a', { x: 0, y: 0 });
    // 4 canvas units at 50% zoom are 2 screen pixels: below the 3 px threshold.
    expect(drag.move({ x: 4, y: 0 })).toBe(false);
    expect(drag.end()).toBe(false);
    expect(moves).toHaveLength(0);
    expect(ends).toHaveLength(0);
  });

  it('writes nothing when a drag snaps back to where it began, and cancels on Escape', () => {
    const { drag, ends, cancel } = setup();
    drag.start(['a'], 'a', { x: 0, y: 0 });
    drag.move({ x: 30, y: 0 });
    drag.move({ x: 4, y: 0 });
    expect(drag.end()).toBe(true);
    expect(ends).toHaveLength(0);
    expect(cancel).toHaveBeenCalledTimes(1);

    drag.start(['a'], 'a', { x: 0, y: 0 });
    drag.move({ x: 100, y: 0 });
    drag.cancel();
    expect(cancel).toHaveBeenCalledTimes(2);
    expect(drag.isDragging()).toBe(false);
    expect(drag.end()).toBe(false);
  });
});

describe('connection controller', () => {
  const out: PortRef = { nodeId: 'a', portId: 'table', side: 'out' };
  const good: PortRef = { nodeId: 'b', portId: 'table', side: 'in' };
  const bad: PortRef = { nodeId: 'c', portId: 'estimator', side: 'in' };
  const setup = () => {
    const states: unknown[] = [];
    const connect = vi.fn();
    const refuse = vi.fn();
    const ports = new Map<string, PortRef>([
      ['100,0', good],
      ['200,0', bad],
    ]);
    const controller = makeConnection({
      hitTest: (p, side) => {
        const hit = ports.get(`${p.x},${p.y}`);
        return hit && hit.side === side ? hit : null;
      },
      validate: (_s, t) =>
        t.nodeId === 'c'
          ? { ok: false, reason: 'incompatible', message: 'table cannot feed estimator' }
          : { ok: true },
      onChange: (s) => states.push(s),
      onConnect: connect,
      onRefuse: refuse,
    });
    return { controller, states, connect, refuse };
  };

  it('reports hover validity while dragging and connects on a compatible drop', () => {
    const { controller, connect } = setup();
    controller.start(out, { x: 0, y: 0 });
    controller.move({ x: 100, y: 0 });
    expect(controller.state()).toMatchObject({ hover: good, check: { ok: true } });
    controller.move({ x: 200, y: 0 });
    expect(controller.state()?.check).toMatchObject({ ok: false, reason: 'incompatible' });
    controller.move({ x: 150, y: 0 });
    expect(controller.state()).toMatchObject({ hover: null, check: null });
    controller.end({ x: 100, y: 0 });
    expect(connect).toHaveBeenCalledWith(out, good);
    expect(controller.state()).toBeNull();
  });

  it('refuses an incompatible drop visibly and ignores a drop on empty canvas', () => {
    const { controller, connect, refuse } = setup();
    controller.start(out, { x: 0, y: 0 });
    controller.end({ x: 200, y: 0 });
    expect(connect).not.toHaveBeenCalled();
    expect(refuse).toHaveBeenCalledWith(out, bad, expect.objectContaining({ reason: 'incompatible' }));
    controller.start(out, { x: 0, y: 0 });
    controller.end({ x: 999, y: 0 });
    expect(refuse).toHaveBeenCalledTimes(1);
    expect(connect).not.toHaveBeenCalled();
  });

  it('orients pairs as output → input, whichever end the drag started from', () => {
    expect(orientPair(good, out)).toEqual({ source: out, target: good });
    expect(orientPair(out, { ...out, nodeId: 'z' })).toBeNull();
    const { controller, connect } = setup();
    controller.start(good, { x: 100, y: 0 });
    controller.connectTo(out);
    expect(connect).toHaveBeenCalledWith(out, good);
  });
});

describe('marquee controller', () => {
  const nodes = [
    { id: 'a', rect: { x: 0, y: 0, width: 50, height: 50 } },
    { id: 'b', rect: { x: 100, y: 0, width: 50, height: 50 } },
  ];

  it('reports the live rect and hits, then the final selection', () => {
    const changes: [unknown, readonly string[]][] = [];
    const end = vi.fn();
    const marquee = makeMarquee({
      getNodes: () => nodes,
      onChange: (r, ids) => changes.push([r, ids]),
      onEnd: end,
    });
    marquee.start({ x: -10, y: -10 }, ['x'], false);
    marquee.move({ x: 60, y: 60 });
    expect(changes.at(-1)).toEqual([{ x: -10, y: -10, width: 70, height: 70 }, ['a']]);
    marquee.move({ x: 120, y: 20 });
    marquee.end();
    expect(end).toHaveBeenCalledWith(['a', 'b']);
    expect(changes.at(-1)?.[0]).toBeNull();
    expect(marquee.isActive()).toBe(false);
  });

  it('adds to the starting selection when additive', () => {
    const end = vi.fn();
    const marquee = makeMarquee({ getNodes: () => nodes, onChange: () => {}, onEnd: end });
    marquee.start({ x: 90, y: 0 }, ['a', 'z'], true);
    marquee.move({ x: 200, y: 10 });
    marquee.end();
    expect(end).toHaveBeenCalledWith(['a', 'z', 'b']);
  });
});

describe('frame throttle', () => {
  it('delivers at most once per frame, the latest value, and flushes on demand', () => {
    const frames: (() => void)[] = [];
    const delivered: number[] = [];
    const throttle = makeFrameThrottle<number>(
      (v) => delivered.push(v),
      (cb) => frames.push(cb),
      () => {},
    );
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(delivered).toEqual([3]);
    throttle.push(4);
    throttle.flush();
    expect(delivered).toEqual([3, 4]);
    throttle.push(5);
    throttle.destroy();
    frames.shift()?.();
    expect(delivered).toEqual([3, 4]);
  });
});
