/**
 * Drawing a new edge, in the manner of xyflow's XYHandle. A drag starts on a port; while it moves
 * the controller hit-tests ports (through a callback, so geometry stays with the caller) and asks
 * `validate` whether the hovered pair may connect, so the canvas can colour the target port green
 * or red before the button is released. Dropping on an incompatible port is refused through
 * `onRefuse` (the canvas shows why); dropping on empty canvas simply ends the drag.
 *
 * Drags may start on an input too: the pair is always reported as (output → input).
 */
import type { Point } from './geometry.ts';
import type { PortRef } from './hit-test.ts';

export type ConnectionCheck = { ok: true } | { ok: false; reason: string; message: string };

export interface ConnectionState {
  from: PortRef;
  fromPoint: Point;
  pointer: Point;
  /** The port under the pointer (on the opposite side), if any. */
  hover: PortRef | null;
  /** Whether `hover` would be accepted; null when nothing is hovered. */
  check: ConnectionCheck | null;
}

export interface ConnectionOptions {
  /** The port near `point` on `side`, or null. */
  hitTest(point: Point, side: PortRef['side']): (PortRef & { position?: Point }) | null;
  validate(source: PortRef, target: PortRef): ConnectionCheck;
  onChange(state: ConnectionState | null): void;
  onConnect(source: PortRef, target: PortRef): void;
  onRefuse(source: PortRef, target: PortRef, check: Extract<ConnectionCheck, { ok: false }>): void;
}

export interface ConnectionController {
  start(from: PortRef, fromPoint: Point): void;
  move(pointer: Point): void;
  /** Ends at `pointer`: connects, refuses, or drops the drag. */
  end(pointer: Point): void;
  cancel(): void;
  /** Completes a connection without a pointer (keyboard: pick an output, then an input). */
  connectTo(target: PortRef): void;
  state(): ConnectionState | null;
  update(options: Partial<ConnectionOptions>): void;
  destroy(): void;
}

/** Orders a pair as (output, input); null when both are on the same side or the same node. */
export function orientPair(a: PortRef, b: PortRef): { source: PortRef; target: PortRef } | null {
  if (a.side === b.side || a.nodeId === b.nodeId) return null;
  return a.side === 'out' ? { source: a, target: b } : { source: b, target: a };
}

export function makeConnection(initial: ConnectionOptions): ConnectionController {
  let options = initial;
  let current: ConnectionState | null = null;

  function evaluate(hover: PortRef | null): ConnectionCheck | null {
    if (!current || !hover) return null;
    const pair = orientPair(current.from, hover);
    if (!pair) return { ok: false, reason: 'same-node', message: 'A node cannot connect to itself' };
    return options.validate(pair.source, pair.target);
  }

  function finish(target: PortRef | null) {
    const s = current;
    current = null;
    options.onChange(null);
    if (!s || !target) return;
    const pair = orientPair(s.from, target);
    if (!pair) return;
    const check = options.validate(pair.source, pair.target);
    if (check.ok) options.onConnect(pair.source, pair.target);
    else options.onRefuse(pair.source, pair.target, check);
  }

  const opposite = (side: PortRef['side']): PortRef['side'] => (side === 'out' ? 'in' : 'out');

  return {
    start(from, fromPoint) {
      current = { from, fromPoint, pointer: fromPoint, hover: null, check: null };
      options.onChange(current);
    },
    move(pointer) {
      if (!current) return;
      const hit = options.hitTest(pointer, opposite(current.from.side));
      const hover = hit && hit.nodeId !== current.from.nodeId ? toRef(hit) : null;
      current = { ...current, pointer, hover, check: null };
      current.check = evaluate(hover);
      options.onChange(current);
    },
    end(pointer) {
      if (!current) return;
      const hit = options.hitTest(pointer, opposite(current.from.side));
      finish(hit ? toRef(hit) : null);
    },
    cancel() {
      if (!current) return;
      current = null;
      options.onChange(null);
    },
    connectTo(target) {
      finish(target);
    },
    state() {
      return current;
    },
    update(partial) {
      options = { ...options, ...partial };
    },
    destroy() {
      current = null;
    },
  };
}

function toRef(p: PortRef): PortRef {
  return { nodeId: p.nodeId, portId: p.portId, side: p.side };
}
