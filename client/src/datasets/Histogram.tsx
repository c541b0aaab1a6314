/**
 * A numeric column's histogram as a small inline SVG (one rect per bin, heights relative to the
 * fullest bin). Screen readers get a one-sentence summary instead of the bars.
 */
import { Index } from 'solid-js';
import type { Histogram as HistogramData } from '../../../shared/datasets/profile/index.ts';
import { formatCount, formatStat } from './format.ts';

export interface HistogramProps {
  column: string;
  histogram: HistogramData;
}

/** Sentence for the accessible name: range, bins, and where most rows are. */
export function describeHistogram(column: string, histogram: HistogramData): string {
  const { edges, counts } = histogram;
  if (counts.length === 0) return `Histogram of ${column}: no values`;
  let fullest = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[fullest]!) fullest = i;
  return (
    `Histogram of ${column}: ${counts.length} bins from ${formatStat(edges[0])} to ${formatStat(edges.at(-1))}; ` +
    `the fullest, ${formatStat(edges[fullest])} to ${formatStat(edges[fullest + 1])}, holds ${formatCount(Math.round(counts[fullest]!))} rows`
  );
}

const HEIGHT = 32;

export function Histogram(props: HistogramProps) {
  const max = () => Math.max(1, ...props.histogram.counts);
  return (
    <svg
      class="histogram"
      role="img"
      aria-label={describeHistogram(props.column, props.histogram)}
      viewBox={`0 0 ${Math.max(1, props.histogram.counts.length)} ${HEIGHT}`}
      preserveAspectRatio="none"
      data-testid="histogram"
    >
      <Index each={props.histogram.counts}>
        {(count, bin) => {
          // A bin with any rows stays visible (at least one unit tall) next to a very full one.
          const height = () => (count() > 0 ? Math.max(1, (count() / max()) * HEIGHT) : 0);
          return <rect x={bin + 0.08} width={0.84} y={HEIGHT - height()} height={height()} />;
        }}
      </Index>
    </svg>
  );
}
