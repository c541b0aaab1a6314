/**
 * Running statistics of a numeric column: min/max, mean and variance by Welford's update
 * (numerically stable in one pass), and a reservoir for quantiles and the histogram.
 *
 * Histogram choice: fixed HISTOGRAM_BINS bins over the exact [min, max], filled at the end from the
 * reservoir sample and scaled to the column's count. It is exact up to RESERVOIR_SIZE values and a
 * uniform-sample estimate beyond, with no second pass over the file (which a stream cannot give).
 */
import { HISTOGRAM_BINS, RESERVOIR_SIZE } from './limits.ts';
import { quantile, Reservoir } from './reservoir.ts';
import type { Histogram, NumericSummary } from './types.ts';

export class NumericStats {
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private readonly sample = new Reservoir(RESERVOIR_SIZE);

  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    this.sample.add(value);
  }

  summary(): NumericSummary | null {
    if (this.count === 0) return null;
    const sorted = this.sample.sorted();
    return {
      min: this.min,
      max: this.max,
      mean: this.mean,
      std: this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : null,
      p25: quantile(sorted, 0.25),
      p50: quantile(sorted, 0.5),
      p75: quantile(sorted, 0.75),
      exactQuantiles: this.sample.exact,
      histogram: histogram(sorted, this.min, this.max, this.count),
    };
  }
}

function histogram(sorted: Float64Array, min: number, max: number, total: number): Histogram {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { edges: [], counts: [] };
  const bins = min === max ? 1 : HISTOGRAM_BINS;
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + width * i));
  const counts = new Array<number>(bins).fill(0);
  for (const value of sorted) {
    if (!Number.isFinite(value)) continue;
    // The last bin is closed on the right, like numpy.histogram.
    const bin = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - min) / width));
    counts[bin]!++;
  }
  const scale = sorted.length > 0 ? total / sorted.length : 0;
  return { edges, counts: scale === 1 ? counts : counts.map((count) => Math.round(count * scale)) };
}
