/**
 * A uniform sample of at most `capacity` numbers from a stream (Vitter's algorithm R), seeded so
 * the same file gives the same profile. Quantiles and the histogram come from it: exact while
 * the column has no more values than the capacity, approximate (sampling error ~1/sqrt(capacity)
 * of the rank) beyond.
 */
export class Reservoir {
  private readonly values: Float64Array;
  private seen = 0;
  private state: number;

  constructor(capacity: number, seed = 0x9e3779b9) {
    this.values = new Float64Array(capacity);
    this.state = seed | 0 || 1;
  }

  add(value: number): void {
    const capacity = this.values.length;
    if (this.seen < capacity) {
      this.values[this.seen] = value;
    } else {
      const slot = Math.floor(this.random() * (this.seen + 1));
      if (slot < capacity) this.values[slot] = value;
    }
    this.seen++;
  }

  /** Whether the sample holds every value seen. */
  get exact(): boolean {
    return this.seen <= this.values.length;
  }

  sorted(): Float64Array {
    return this.values.slice(0, Math.min(this.seen, this.values.length)).sort();
  }

  /**
   * xorshift32: cheap and good enough to pick reservoir slots. The state is kept as a signed 32-bit
   * integer (the same bits; it fits a small integer field), and scaled by 2^-32 (exact, as the
   * division it replaces).
   */
  private random(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x | 0;
    return (x >>> 0) * 2.3283064365386963e-10;
  }
}

/** Quantile with linear interpolation between ranks (pandas' and numpy's default). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (position - lower);
}
