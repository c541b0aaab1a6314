/**
 * The value counter's switch from exact counts to a HyperLogLog at DISTINCT_EXACT_CAP. The sketch
 * is deterministic for a set of hashes, so a counter that saw N distinct values must estimate
 * exactly what a sketch fed those N values estimates — including the value that crossed the cap
 * (it was once dropped: the sketch's start overwrote the hash computed for it).
 */
import { describe, expect, it } from 'vitest';
import { ValueCounter } from '../../shared/datasets/profile/distinct.ts';
import { hashHigh, hashLow, hashNumberInto, hashStringInto } from '../../shared/datasets/profile/hash.ts';
import { HyperLogLog } from '../../shared/datasets/profile/hyperloglog.ts';
import { DISTINCT_EXACT_CAP } from '../../shared/datasets/profile/limits.ts';

function sketchOf(values: readonly (string | number)[]): number {
  const sketch = new HyperLogLog();
  for (const value of values) {
    if (typeof value === 'number') hashNumberInto(value);
    else hashStringInto(value);
    sketch.addHalves(hashLow, hashHigh);
  }
  return sketch.estimate();
}

describe('ValueCounter past DISTINCT_EXACT_CAP', () => {
  it.each([
    ['strings', (i: number): string | number => `value-${i}`],
    ['numbers', (i: number): string | number => i + 0.5],
  ])('counts every %s value in the sketch, the one that crossed the cap too', (_kind, valueAt) => {
    const exact = Array.from({ length: DISTINCT_EXACT_CAP }, (_, i) => valueAt(i));
    const later = [valueAt(-1), valueAt(-2)];
    // Most single values leave every register as it was; pick a crossing value that raises one,
    // so that losing it would show in the estimate.
    const without = sketchOf([...exact, ...later]);
    let j = DISTINCT_EXACT_CAP;
    while (sketchOf([...exact, valueAt(j), ...later]) === without) j++;
    const values = [...exact, valueAt(j), ...later];

    const counter = new ValueCounter();
    values.forEach((value, i) => {
      expect(counter.add(value) === -1).toBe(i >= DISTINCT_EXACT_CAP);
    });
    expect(counter.exact).toBe(false);
    expect(counter.distinct()).toEqual({
      count: Math.max(sketchOf(values), DISTINCT_EXACT_CAP),
      exact: false,
    });
    expect(sketchOf(values)).not.toBe(without);
  });

  it('stays exact up to the cap, and repeats do not count as new values', () => {
    const counter = new ValueCounter();
    for (let i = 0; i < DISTINCT_EXACT_CAP; i++) counter.add(`v${i}`);
    for (let i = 0; i < 100; i++) expect(counter.add(`v${i}`)).toBe(i);
    expect(counter.distinct()).toEqual({ count: DISTINCT_EXACT_CAP, exact: true });
  });
});
