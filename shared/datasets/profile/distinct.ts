/**
 * Value counts of one column: exact in a Map up to DISTINCT_EXACT_CAP keys, then a HyperLogLog
 * takes over the distinct count while the Map keeps counting the keys it already has (so top
 * values stay meaningful for a column dominated by a few values, as lower bounds).
 */
import { hashString } from './hash.ts';
import { HyperLogLog } from './hyperloglog.ts';
import { DISTINCT_EXACT_CAP, MAX_KEY_CHARS } from './limits.ts';
import type { DistinctCount, TopValue } from './types.ts';

export class ValueCounter {
  private readonly counts = new Map<string, number>();
  private sketch: HyperLogLog | null = null;

  add(key: string): void {
    const short = key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…#${hashString(key)}` : key;
    const known = this.counts.get(short);
    if (known !== undefined) {
      this.counts.set(short, known + 1);
    } else if (this.sketch === null) {
      if (this.counts.size < DISTINCT_EXACT_CAP) {
        this.counts.set(short, 1);
        return;
      }
      this.sketch = new HyperLogLog();
      for (const seen of this.counts.keys()) this.sketch.add(hashString(seen));
    }
    this.sketch?.add(hashString(short));
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
      .map(([value, count]) => ({ value, count }));
  }

  /** Count of each key (exact only while `exact`). */
  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }
}
