/**
 * Metrics of several runs as lines across them (uPlot): x is the run (labelled by its version),
 * one series per metric. uPlot draws on a canvas, so it is sized to its box (ResizeObserver) and
 * its colours are read from the theme's CSS variables, then rebuilt when they change.
 */
import { createEffect, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { onThemeChange } from '../theme/theme.ts';
import { metricLabel } from './metric-delta.ts';

/** Mid-tone hues readable on the light and the dark surface alike. */
export const SERIES_COLOURS = ['#6366f1', '#16a34a', '#ea580c', '#0891b2', '#c026d3', '#ca8a04'];
const CHART_HEIGHT = 180;

export interface MetricChartProps {
  /** One label per run, in x order ("v3"). */
  runs: readonly string[];
  /** Metric name → a value per run (null where a run did not report it). */
  series: ReadonlyMap<string, readonly (number | null)[]>;
  title: string;
}

export function MetricChart(props: MetricChartProps) {
  let box: HTMLDivElement | undefined;
  let chart: uPlot | undefined;

  const build = () => {
    if (!box) return;
    chart?.destroy();
    const style = getComputedStyle(box);
    const text = style.getPropertyValue('--color-text-muted').trim() || '#5d6371';
    const grid = style.getPropertyValue('--color-border').trim() || '#e3e5ea';
    const labels = props.runs;
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const data: uPlot.AlignedData = [
      labels.map((_, index) => index),
      ...[...props.series.values()].map((values) => values.map((value) => value ?? null)),
    ];
    chart = new uPlot(
      {
        width: Math.max(box.clientWidth, 200),
        height: CHART_HEIGHT,
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [
          {
            ...axis,
            splits: () => labels.map((_, index) => index),
            values: (_chart, splits) => splits.map((index) => labels[index] ?? ''),
          },
          { ...axis, size: 48 },
        ],
        series: [
          { label: 'Run', value: (_chart, index) => (index === null ? '' : (labels[index] ?? '')) },
          ...[...props.series.keys()].map((name, index) => ({
            label: metricLabel(name),
            stroke: SERIES_COLOURS[index % SERIES_COLOURS.length],
            width: 2,
            points: { show: true, size: 7 },
            spanGaps: true,
          })),
        ],
        // The metric table beside the chart is its legend (same colours), and reads better than uPlot's.
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      box,
    );
  };

  onMount(() => {
    const observer = new ResizeObserver(() =>
      chart?.setSize({ width: Math.max(box?.clientWidth ?? 0, 200), height: CHART_HEIGHT }),
    );
    if (box) observer.observe(box);
    // Theme switches change the CSS variables: rebuild with the new colours.
    onThemeChange(build);
    onCleanup(() => {
      observer.disconnect();
      chart?.destroy();
    });
  });
  createEffect(build);

  return <figure class="metric-chart" ref={box} role="img" aria-label={props.title} />;
}
