/**
 * Counts attempts per key in a fixed window that opens with the first counted attempt, and says
 * how long a key must wait once it has used up its budget.
 *
 * In memory on purpose: DominoML runs as one process by default, where this is exact and costs no
 * round trip. Several processes behind a load balancer would each keep their own counts (an
 * attacker would get one budget per process); scale-out needs these counters in Redis or the
 * database instead.
 */

export interface FailureLimiterOptions {
  maxAttempts: number;
  windowMs: number;
  /** Keys remembered at most; the oldest windows are forgotten first, so a flood of keys cannot exhaust memory. */
  maxKeys?: number;
  now?: () => number;
}

export interface FailureLimiter {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): number;
  /** Counts one attempt against `key` (callers check `retryAfterMs` first). */
  consume(key: string): void;
  /** Gives one attempt back, e.g. when it turned out to succeed. */
  refund(key: string): void;
  /** Forgets `key` entirely. */
  reset(key: string): void;
}

const DEFAULT_MAX_KEYS = 100_000;

interface Window {
  attempts: number;
  endsAt: number;
}

export function createFailureLimiter(options: FailureLimiterOptions): FailureLimiter {
  const { maxAttempts, windowMs, maxKeys = DEFAULT_MAX_KEYS, now = Date.now } = options;
  // Insertion order is window-opening order, and every window lasts `windowMs`, so expired
  // windows are always at the front of the map.
  const windows = new Map<string, Window>();

  function current(key: string, time: number): Window | undefined {
    const window = windows.get(key);
    if (window && time >= window.endsAt) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  function forgetExpiredAndOverflow(time: number): void {
    for (const [key, window] of windows) {
      if (time < window.endsAt && windows.size <= maxKeys) break;
      windows.delete(key);
    }
  }

  return {
    retryAfterMs(key) {
      const time = now();
      const window = current(key, time);
      return window && window.attempts >= maxAttempts ? window.endsAt - time : 0;
    },
    consume(key) {
      const time = now();
      const window = current(key, time);
      if (window) {
        window.attempts += 1;
        return;
      }
      windows.set(key, { attempts: 1, endsAt: time + windowMs });
      forgetExpiredAndOverflow(time);
    },
    refund(key) {
      const window = current(key, now());
      if (window) window.attempts = Math.max(0, window.attempts - 1);
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
