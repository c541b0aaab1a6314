/**
 * What this client announces through awareness: its user, cursor (canvas coordinates), selection
 * and the drag in progress. Cursor and drag updates are coalesced to one per animation frame, and
 * a cursor or selection that has not changed is not announced again: each is a message to
 * everyone on the pipeline. Clearing a drag is sent at once, after the document write, so others
 * never see the node jump back.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessUser, PersonAwareness } from '../../../../shared/doc/awareness.ts';
import {
  type FrameCanceller,
  type FrameScheduler,
  makeFrameThrottle,
} from '../controllers/frame-throttle.ts';
import type { Point } from '../controllers/geometry.ts';

export interface LocalPresence {
  setCursor(p: Point | null): void;
  setSelection(ids: readonly string[]): void;
  setDrag(drag: PersonAwareness['drag']): void;
  dispose(): void;
}

const NOOP: LocalPresence = { setCursor() {}, setSelection() {}, setDrag() {}, dispose() {} };

export function makeLocalPresence(
  awareness: Awareness | null,
  user: AwarenessUser,
  schedule?: FrameScheduler,
  cancel?: FrameCanceller,
): LocalPresence {
  if (!awareness) return NOOP;
  const field = (name: keyof PersonAwareness, value: unknown) => {
    // After a disconnect the provider may have cleared our state; setLocalStateField needs one.
    if (awareness.getLocalState() === null) awareness.setLocalState({});
    awareness.setLocalStateField(name, value);
  };
  const current = awareness.getLocalState();
  if (!current?.user) field('user', user);
  if (!current || !('selection' in current)) field('selection', []);
  if (!current || !('cursor' in current)) field('cursor', null);
  if (!current || !('drag' in current)) field('drag', null);

  const cursor = makeFrameThrottle<Point | null>((p) => field('cursor', p), schedule, cancel);
  const drag = makeFrameThrottle<PersonAwareness['drag']>((d) => field('drag', d), schedule, cancel);
  let lastSelection = '';
  // While panning, the pointer stays over the same canvas point: announcing it again every frame
  // would send everyone the same message sixty times a second.
  let lastCursor = current && 'cursor' in current ? cursorKey(current.cursor as Point | null) : '';

  return {
    setCursor(p) {
      const rounded = p ? { x: Math.round(p.x), y: Math.round(p.y) } : null;
      const key = cursorKey(rounded);
      if (key === lastCursor) return;
      lastCursor = key;
      cursor.push(rounded);
    },
    setSelection(ids) {
      const key = ids.join('\u0000');
      if (key === lastSelection) return;
      lastSelection = key;
      field('selection', [...ids]);
    },
    setDrag(d) {
      drag.push(d);
      if (d === null) drag.flush();
    },
    dispose() {
      cursor.destroy();
      drag.destroy();
      if (awareness.getLocalState()) {
        field('cursor', null);
        field('drag', null);
      }
    },
  };
}

function cursorKey(p: Point | null): string {
  return p ? `${p.x},${p.y}` : 'none';
}
