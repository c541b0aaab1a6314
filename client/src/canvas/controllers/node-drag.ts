/**
 * Dragging one or many nodes, in the manner of xyflow's XYDrag. While the pointer moves it only
 * reports positions (the canvas shows them and broadcasts them through awareness); the document is
 * written once, by `onEnd`, so a drag is one transaction and one undo step and leaves no trail of
 * overwritten values in the Yjs history.
 *
 * Snapping: the primary node (the one under the pointer) lands on the grid; the others move by the
 * same delta, which keeps the group's arrangement intact.
 */
import type { Point } from './geometry.ts';
import { FINE_GRID, GRID, snapPoint } from './snap.ts';

/** Screen pixels the pointer must travel before a press becomes a drag (below that it is a click). */
export const DRAG_THRESHOLD_PX = 3;

export interface NodeDragOptions {
  getPosition(id: string): Point | undefined;
  getZoom(): number;
  onStart?(ids: readonly string[]): void;
  onMove(positions: ReadonlyMap<string, Point>, primaryId: string): void;
  /** The one commit; called only when the pointer actually moved past the threshold. */
  onEnd(positions: ReadonlyMap<string, Point>, primaryId: string): void;
  onCancel?(): void;
  grid?: number;
  fineGrid?: number;
}

export interface DragModifiers {
  /** Snap to the fine grid (Alt held). */
  fine?: boolean;
}

export interface NodeDragController {
  start(ids: readonly string[], primaryId: string, pointer: Point): void;
  /** Returns true once the press has become a drag. */
  move(pointer: Point, modifiers?: DragModifiers): boolean;
  /** Finishes; returns true when a drag happened (false means it was a click). */
  end(): boolean;
  cancel(): void;
  isDragging(): boolean;
  update(options: Partial<NodeDragOptions>): void;
  destroy(): void;
}

interface Session {
  primaryId: string;
  origin: Point;
  starts: Map<string, Point>;
  current: Map<string, Point> | null;
}

export function makeNodeDrag(initial: NodeDragOptions): NodeDragController {
  let options = initial;
  let session: Session | null = null;

  function positionsFor(s: Session, pointer: Point, modifiers: DragModifiers): Map<string, Point> {
    const primaryStart = s.starts.get(s.primaryId)!;
    const grid = modifiers.fine ? (options.fineGrid ?? FINE_GRID) : (options.grid ?? GRID);
    const target = snapPoint(
      { x: primaryStart.x + pointer.x - s.origin.x, y: primaryStart.y + pointer.y - s.origin.y },
      grid,
    );
    const dx = target.x - primaryStart.x;
    const dy = target.y - primaryStart.y;
    const out = new Map<string, Point>();
    for (const [id, p] of s.starts) out.set(id, { x: p.x + dx, y: p.y + dy });
    return out;
  }

  return {
    start(ids, primaryId, pointer) {
      const starts = new Map<string, Point>();
      for (const id of new Set([...ids, primaryId])) {
        const p = options.getPosition(id);
        if (p) starts.set(id, { x: p.x, y: p.y });
      }
      session = starts.has(primaryId) ? { primaryId, origin: { ...pointer }, starts, current: null } : null;
    },
    move(pointer, modifiers = {}) {
      const s = session;
      if (!s) return false;
      if (!s.current) {
        const travelled = Math.hypot(pointer.x - s.origin.x, pointer.y - s.origin.y) * options.getZoom();
        if (travelled < DRAG_THRESHOLD_PX) return false;
        options.onStart?.([...s.starts.keys()]);
      }
      const next = positionsFor(s, pointer, modifiers);
      const unchanged = s.current && samePositions(s.current, next);
      s.current = next;
      if (!unchanged) options.onMove(next, s.primaryId);
      return true;
    },
    end() {
      const s = session;
      session = null;
      if (!s?.current) return false;
      const moved = [...s.current].some(([id, p]) => {
        const start = s.starts.get(id)!;
        return start.x !== p.x || start.y !== p.y;
      });
      // A drag that snapped back to where it started writes nothing; the preview still has to go.
      if (moved) options.onEnd(s.current, s.primaryId);
      else options.onCancel?.();
      return true;
    },
    cancel() {
      const wasDragging = Boolean(session?.current);
      session = null;
      if (wasDragging) options.onCancel?.();
    },
    isDragging() {
      return Boolean(session?.current);
    },
    update(partial) {
      options = { ...options, ...partial };
    },
    destroy() {
      session = null;
    },
  };
}

function samePositions(a: ReadonlyMap<string, Point>, b: ReadonlyMap<string, Point>): boolean {
  for (const [id, p] of a) {
    const q = b.get(id);
    if (!q || q.x !== p.x || q.y !== p.y) return false;
  }
  return a.size === b.size;
}
