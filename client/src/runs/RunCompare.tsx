/**
 * Selected runs side by side: a chart of their metrics across versions and a table with every
 * metric per run, each cell with its change from the first (oldest) run.
 */
import { createMemo, For, Show } from 'solid-js';
import type { RunSummary } from '../../../shared/api/runs.ts';
import { ArrowLeft } from './icons.ts';
import { MetricChart, SERIES_COLOURS } from './MetricChart.tsx';
import { formatMetricValue, keyMetrics, metricDelta, metricLabel } from './metric-delta.ts';
import { RUN_STATUS_LABELS } from './run-status.ts';

export interface RunCompareProps {
  runs: readonly RunSummary[];
  onBack(): void;
}

export function RunCompare(props: RunCompareProps) {
  // Oldest first: a chart across versions reads left to right.
  const ordered = createMemo(() => [...props.runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  const values = createMemo(() => ordered().map((run) => keyMetrics(run.metrics)));
  const names = createMemo(() => {
    const all = new Set<string>();
    for (const metrics of values()) for (const name of metrics.keys()) all.add(name);
    return [...all];
  });
  const labels = () =>
    ordered().map((run, index) => `v${run.version.number}${duplicateSuffix(ordered(), index)}`);
  const series = createMemo(
    () =>
      new Map(names().map((name) => [name, values().map((metrics) => metrics.get(name) ?? null)] as const)),
  );

  return (
    <div class="run-compare" data-testid="run-compare">
      <div class="run-detail__bar">
        <button type="button" class="button button--ghost button--small" onClick={() => props.onBack()}>
          <ArrowLeft size={14} aria-hidden="true" />
          All runs
        </button>
        <h3 class="run-detail__title">Comparing {ordered().length} runs</h3>
      </div>
      <div class="run-compare__body">
        <Show when={names().length > 0} fallback={<p class="muted">None of these runs reported metrics.</p>}>
          <MetricChart runs={labels()} series={series()} title={`Metrics of ${labels().join(', ')}`} />
        </Show>
        <table class="runs-table run-compare__table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <For each={ordered()}>
                {(run, index) => (
                  <th scope="col" class="runs-table__num">
                    {labels()[index()]}
                    <span class="visually-hidden"> ({RUN_STATUS_LABELS[run.status]})</span>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={names()}>
              {(name, row) => (
                <tr>
                  <th scope="row">
                    <span
                      class="metric-swatch"
                      aria-hidden="true"
                      style={{ background: SERIES_COLOURS[row() % SERIES_COLOURS.length] }}
                    />
                    {metricLabel(name)}
                  </th>
                  <For each={values()}>
                    {(metrics, index) => {
                      const base = () => values()[0]?.get(name);
                      const value = () => metrics.get(name);
                      const delta = () => {
                        const before = base();
                        const after = value();
                        return index() > 0 && before !== undefined && after !== undefined
                          ? metricDelta(name, before, after)
                          : null;
                      };
                      return (
                        <td class="runs-table__num">
                          {formatMetricValue(value() ?? null)}
                          <Show when={delta()}>
                            {(change) => (
                              <span class={`metric-delta metric-delta--${change().direction}`}>
                                {' '}
                                {change().text}
                              </span>
                            )}
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Two runs of one version get "·2", "·3" so their columns stay apart. */
function duplicateSuffix(runs: readonly RunSummary[], index: number): string {
  const number = runs[index]?.version.number;
  const before = runs.slice(0, index).filter((run) => run.version.number === number).length;
  return before === 0 ? '' : `·${before + 1}`;
}
