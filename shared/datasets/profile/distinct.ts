/**
 * Value counts of one column: exact in a Map up to DISTINCT_EXACT_CAP keys, then a HyperLogLog
 * takes over the distinct count while the Map keeps counting the keys it already has (so top
 * values stay meaningful for a column dominated by a few values, as lower bounds).
 */
import { hashNumber, hashString } from './hash.ts';
import { HyperLogLog } from './hyperloglog.ts';
import { DISTINCT_EXACT_CAP, MAX_KEY_CHARS } from './limits.ts';
import type { DistinctCount, TopValue } from './types.ts';

export class ValueCounter {
  /** Numbers are keyed as numbers: no number-to-string conversion per cell, and 39.1 = 39.10. */
  private readonly counts = new Map<string | number, number>();
  private sketch: HyperLogLog | null = null;

  add(key: string | number): void {
    const short =
      typeof key === 'string' && key.length > MAX_KEY_CHARS
        ? `${key.slice(0, MAX_KEY_CHARS)}…#${hashString(key)}`
        : key;
    const known = this.counts.get(short);
    if (known !== undefined) {
      this.counts.set(short, known + 1);
    } else if (this.sketch === null) {
      if (this.counts.size < DISTINCT_EXACT_CAP) {
        this.counts.set(short, 1);
        return;
      }
      this.sketch = new HyperLogLog();
      for (const seen of this.counts.keys()) this.sketch.add(hashKey(seen));
    }
    this.sketch?.add(hashKey(short));
  }

  distinct(): DistinctCount {
    if (this.sketch === null) return { count: this.counts.size, exact: true };
    // The estimate can undershoot the exact part; the exact part is a hard lower bound.
    return { count: Math.max(this.sketch.estimate(), this.counts.size), exact: false };
  }

  get exact(): boolean {
    return this.sketch === null;
  }

  top(limit: number): TopValue[] {
    return [...this.counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([value, count]) => ({ value: String(value), count }));
  }

  /** Count of each key (exact only while `exact`). */
  *entries(): Generator<[string, number]> {
    for (const [key, count] of this.counts) yield [String(key), count];
  }
}

function hashKey(key: string | number): number {
  return typeof key === 'number' ? hashNumber(key) : hashString(key);
}
