/** The in-memory attempt counter behind login rate limiting, on a fake clock. */
import { describe, expect, test } from 'vitest';
import { createFailureLimiter } from '../../server/auth/failure-limiter.ts';

function limiterWithClock(options: { maxAttempts: number; windowMs: number; maxKeys?: number }) {
  let time = 1_000_000;
  const limiter = createFailureLimiter({ ...options, now: () => time });
  return { limiter, advance: (ms: number) => (time += ms) };
}

describe('failure limiter', () => {
  test('blocks a key once it used its attempts, until its window ends', () => {
    const { limiter, advance } = limiterWithClock({ maxAttempts: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('k')).toBe(0);
      limiter.consume('k');
    }
    expect(limiter.retryAfterMs('k')).toBe(60_000);
    expect(limiter.retryAfterMs('other')).toBe(0);
    advance(59_000);
    expect(limiter.retryAfterMs('k')).toBe(1_000);
    advance(1_000);
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.consume('k'); // a new window
    expect(limiter.retryAfterMs('k')).toBe(0);
  });

  test('refund gives one attempt back; reset forgets the key', () => {
    const { limiter } = limiterWithClock({ maxAttempts: 2, windowMs: 1_000 });
    limiter.consume('k');
    limiter.consume('k');
    expect(limiter.retryAfterMs('k')).toBeGreaterThan(0);
    limiter.refund('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.consume('k');
    limiter.reset('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.refund('never seen'); // harmless
  });

  test('remembers at most maxKeys keys, forgetting the oldest windows first', () => {
    const { limiter, advance } = limiterWithClock({ maxAttempts: 1, windowMs: 60_000, maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) {
      limiter.consume(key);
      advance(1);
    }
    expect(['a', 'b', 'c', 'd'].map((key) => limiter.retryAfterMs(key) > 0)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  test('expired windows are dropped as new keys arrive', () => {
    const { limiter, advance } = limiterWithClock({ maxAttempts: 1, windowMs: 100, maxKeys: 2 });
    limiter.consume('old');
    advance(200);
    limiter.consume('new1');
    limiter.consume('new2');
    expect([limiter.retryAfterMs('new1') > 0, limiter.retryAfterMs('new2') > 0]).toEqual([true, true]);
  });
});
