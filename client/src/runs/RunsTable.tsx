/**
 * Every run of the pipeline: status, version, author, when, duration and key metrics. Rows can be
 * selected (checkboxes) for comparing; each opens its details or its log; live ones can be cancelled.
 */
import { For, Show } from 'solid-js';
import type { RunSummary } from '../../../shared/api/runs.ts';
import { formatRelativeTime } from '../lib/relative-time.ts';
import { FileText, Square } from './icons.ts';
import { formatMetricValue, keyMetrics, metricLabel } from './metric-delta.ts';
import { formatDuration, RUN_STATUS_LABELS, statusTone } from './run-status.ts';

/** Columns for at most this many metrics (the drawer is narrow; details and compare show all). */
export const KEY_METRIC_COLUMNS = 2;
/** Headline metrics first, when runs report them. */
const PREFERRED = ['accuracy', 'f1_macro', 'f1', 'r2', 'rmse', 'roc_auc', 'silhouette'];

export function commonMetricNames(runs: readonly RunSummary[], limit = KEY_METRIC_COLUMNS): string[] {
  const counts = new Map<string, number>();
  for (const run of runs)
    for (const name of keyMetrics(run.metrics).keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const rank = (name: string) => {
    const index = PREFERRED.indexOf(name.toLowerCase());
    return index === -1 ? PREFERRED.length : index;
  };
  return [...counts]
    .sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))
    .slice(0, limit)
    .map(([name]) => name);
}

export interface RunsTableProps {
  runs: readonly RunSummary[];
  selected: ReadonlySet<string>;
  onToggle(runId: string): void;
  onOpen(runId: string): void;
  onShowLog(runId: string): void;
  canCancel: boolean;
  onCancel(runId: string): void;
  now: Date;
}

export function RunsTable(props: RunsTableProps) {
  const metricNames = () => commonMetricNames(props.runs);
  return (
    <table class="runs-table" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col">
            <span class="visually-hidden">Compare</span>
          </th>
          <th scope="col">Status</th>
          <th scope="col">Version</th>
          <th scope="col">Author</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <For each={metricNames()}>
            {(name) => (
              <th scope="col" class="runs-table__num">
                {metricLabel(name)}
              </th>
            )}
          </For>
          <th scope="col">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        <For each={props.runs}>
          {(run) => {
            const metrics = () => keyMetrics(run.metrics);
            return (
              <tr data-testid="run-row" data-status={run.status}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare run of v${run.version.number}, ${formatRelativeTime(new Date(run.createdAt), props.now)}`}
                    checked={props.selected.has(run.id)}
                    onChange={() => props.onToggle(run.id)}
                  />
                </td>
                <td>
                  <span class={`run-status run-status--${statusTone(run.status)}`}>
                    {RUN_STATUS_LABELS[run.status]}
                  </span>
                </td>
                <td>
                  <button type="button" class="link-button" onClick={() => props.onOpen(run.id)}>
                    v{run.version.number}
                  </button>
                </td>
                <td>{run.createdBy?.username ?? '—'}</td>
                <td title={new Date(run.createdAt).toLocaleString()}>
                  {formatRelativeTime(new Date(run.createdAt), props.now)}
                </td>
                <td class="runs-table__num">{formatDuration(run.durationMs)}</td>
                <For each={metricNames()}>
                  {(name) => (
                    <td class="runs-table__num">{formatMetricValue(metrics().get(name) ?? null)}</td>
                  )}
                </For>
                <td class="runs-table__actions">
                  <button
                    type="button"
                    class="icon-button icon-button--small"
                    aria-label={`Show the log of the run of v${run.version.number}`}
                    title="Show log"
                    onClick={() => props.onShowLog(run.id)}
                  >
                    <FileText size={14} aria-hidden="true" />
                  </button>
                  <Show when={props.canCancel && (run.status === 'queued' || run.status === 'running')}>
                    <button
                      type="button"
                      class="icon-button icon-button--small icon-button--danger"
                      aria-label={`Cancel the run of v${run.version.number}`}
                      title="Cancel"
                      onClick={() => props.onCancel(run.id)}
                    >
                      <Square size={14} aria-hidden="true" />
                    </button>
                  </Show>
                </td>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}
