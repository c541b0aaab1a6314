/** One run opened from the table: how it ended, its metrics, artifacts and log downloads. */
import { createResource, For, Show } from 'solid-js';
import type { RunDetail } from '../../../shared/api/runs.ts';
import { ArrowLeft, Download, FileText } from './icons.ts';
import { formatMetricValue, metricLabel } from './metric-delta.ts';
import { formatDuration, RUN_STATUS_LABELS, statusTone } from './run-status.ts';
import { runLogDownloadUrl } from './runs-api.ts';

export interface RunDetailViewProps {
  runId: string;
  load(runId: string): Promise<RunDetail>;
  /** Changes when the run list was refetched, so a run that just ended shows its final record. */
  version: unknown;
  onBack(): void;
  onShowLog(runId: string): void;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function RunDetailView(props: RunDetailViewProps) {
  const [detail] = createResource(
    () => ({ runId: props.runId, version: props.version }),
    ({ runId }) => props.load(runId),
  );
  return (
    <div class="run-detail">
      <div class="run-detail__bar">
        <button type="button" class="button button--ghost button--small" onClick={() => props.onBack()}>
          <ArrowLeft size={14} aria-hidden="true" />
          All runs
        </button>
        <Show when={detail.latest}>
          {(run) => (
            <>
              <h3 class="run-detail__title">Run of v{run().version.number}</h3>
              <span class={`run-status run-status--${statusTone(run().status)}`}>
                {RUN_STATUS_LABELS[run().status]}
              </span>
              <span class="run-detail__meta">
                {run().createdBy?.username ?? 'unknown'} · {formatDuration(run().durationMs)}
                {run().exitCode !== null ? ` · exit code ${run().exitCode}` : ''}
              </span>
              <span class="drawer__spacer" />
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => props.onShowLog(run().id)}
              >
                <FileText size={14} aria-hidden="true" />
                Open log
              </button>
              <a
                class="button button--ghost button--small"
                href={runLogDownloadUrl(run().id, 'text')}
                download=""
              >
                <Download size={14} aria-hidden="true" />
                Log (text)
              </a>
              <a
                class="button button--ghost button--small"
                href={runLogDownloadUrl(run().id, 'json')}
                download=""
              >
                <Download size={14} aria-hidden="true" />
                Log (JSON)
              </a>
            </>
          )}
        </Show>
      </div>
      <Show when={detail.error}>
        <p class="console__error">
          Could not load the run:{' '}
          {String(detail.error instanceof Error ? detail.error.message : detail.error)}
        </p>
      </Show>
      <Show when={detail.latest}>
        {(run) => (
          <div class="run-detail__body">
            <Show when={run().error}>
              <p class="console__error">{run().error}</p>
            </Show>
            <section aria-label="Metrics" class="run-detail__section">
              <h4>Metrics</h4>
              <Show when={run().metrics.length > 0} fallback={<p class="muted">No metrics reported.</p>}>
                <table class="runs-table">
                  <thead>
                    <tr>
                      <th scope="col">Metric</th>
                      <th scope="col">Split</th>
                      <th scope="col" class="runs-table__num">
                        Value
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={run().metrics}>
                      {(metric) => (
                        <tr>
                          <td>{metricLabel(metric.name)}</td>
                          <td>{metric.split ?? '—'}</td>
                          <td class="runs-table__num">{formatMetricValue(metric.value)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </section>
            <section aria-label="Artifacts" class="run-detail__section">
              <h4>Artifacts</h4>
              <Show when={run().artifacts.length > 0} fallback={<p class="muted">No artifacts stored.</p>}>
                <ul class="run-detail__artifacts">
                  <For each={run().artifacts}>
                    {(artifact) => (
                      <li>
                        <a href={artifact.downloadUrl} download="">
                          <Download size={14} aria-hidden="true" />
                          {artifact.name}
                        </a>
                        <span class="muted">
                          {' '}
                          {artifact.kind} · {formatBytes(artifact.size)}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </div>
        )}
      </Show>
    </div>
  );
}
