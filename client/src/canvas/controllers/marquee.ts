/**
 * Rubber-band selection. It reports the rectangle and the nodes it touches on every move (so the
 * canvas can highlight them live) and the final selection on release. With `additive` the result
 * is added to the selection the drag started from.
 */
import { type Point, type Rect, rectFromPoints } from './geometry.ts';
import { type MarqueeMode, type NodeBox, nodesInRect } from './hit-test.ts';

export interface MarqueeOptions {
  getNodes(): Iterable<NodeBox>;
  onChange(rect: Rect | null, ids: readonly string[]): void;
  onEnd(ids: readonly string[]): void;
  mode?: MarqueeMode;
}

export interface MarqueeController {
  start(point: Point, base: readonly string[], additive: boolean): void;
  move(point: Point): void;
  end(): void;
  cancel(): void;
  isActive(): boolean;
  update(options: Partial<MarqueeOptions>): void;
  destroy(): void;
}

interface Session {
  origin: Point;
  base: readonly string[];
  additive: boolean;
  ids: readonly string[];
}

export function makeMarquee(initial: MarqueeOptions): MarqueeController {
  let options = initial;
  let session: Session | null = null;

  function combine(s: Session, hits: readonly string[]): string[] {
    if (!s.additive) return [...hits];
    const out = [...s.base];
    const seen = new Set(out);
    for (const id of hits) if (!seen.has(id)) out.push(id);
    return out;
  }

  return {
    start(point, base, additive) {
      session = { origin: { ...point }, base: [...base], additive, ids: additive ? [...base] : [] };
      options.onChange({ x: point.x, y: point.y, width: 0, height: 0 }, session.ids);
    },
    move(point) {
      if (!session) return;
      const rect = rectFromPoints(session.origin, point);
      session.ids = combine(session, nodesInRect(rect, options.getNodes(), options.mode));
      options.onChange(rect, session.ids);
    },
    end() {
      const s = session;
      session = null;
      if (!s) return;
      options.onChange(null, s.ids);
      options.onEnd(s.ids);
    },
    cancel() {
      if (!session) return;
      session = null;
      options.onChange(null, []);
    },
    isActive() {
      return session !== null;
    },
    update(partial) {
      options = { ...options, ...partial };
    },
    destroy() {
      session = null;
    },
  };
}
