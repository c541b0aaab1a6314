/**
 * Coalesces a stream of values to at most one delivery per animation frame, keeping the latest.
 * Awareness cursors and drags go through this: pointer events can fire several times a frame, and
 * every awareness update is a network message to everyone on the pipeline.
 */

export type FrameScheduler = (callback: () => void) => number;
export type FrameCanceller = (handle: number) => void;

export interface FrameThrottle<T> {
  push(value: T): void;
  /** Delivers a pending value now (e.g. on pointerup, so the last position is never lost). */
  flush(): void;
  destroy(): void;
}

const defaultSchedule: FrameScheduler = (callback) =>
  typeof requestAnimationFrame === 'function'
    ? requestAnimationFrame(callback)
    : Number(setTimeout(callback, 16));
const defaultCancel: FrameCanceller = (handle) =>
  typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(handle) : clearTimeout(handle);

export function makeFrameThrottle<T>(
  deliver: (value: T) => void,
  schedule: FrameScheduler = defaultSchedule,
  cancel: FrameCanceller = defaultCancel,
): FrameThrottle<T> {
  let pending: { value: T } | null = null;
  let handle: number | null = null;

  const run = () => {
    handle = null;
    const p = pending;
    pending = null;
    if (p) deliver(p.value);
  };

  return {
    push(value) {
      pending = { value };
      if (handle === null) handle = schedule(run);
    },
    flush() {
      if (handle !== null) cancel(handle);
      run();
    },
    destroy() {
      if (handle !== null) cancel(handle);
      handle = null;
      pending = null;
    },
  };
}
