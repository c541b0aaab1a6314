/**
 * How a version moved its metrics against the version before it: "v7 → v8: F1 +0.021", green
 * when better, red when worse (lower is better for errors and losses). For the versions timeline
 * (UI.md: metric deltas); it takes metrics already loaded, so a timeline row renders it without
 * a request of its own. `createVersionMetrics` loads a version's latest metrics when needed.
 */
import { type Accessor, createResource, For, Show } from 'solid-js';
import type { RunMetric, VersionMetrics } from '../../../shared/api/runs.ts';
import { metricDeltas, metricLabel } from './metric-delta.ts';

export interface VersionMetricDeltaProps {
  from: { number: number; metrics: readonly RunMetric[] };
  to: { number: number; metrics: readonly RunMetric[] };
  /** Show only these metrics (all shared ones when absent). */
  names?: readonly string[];
  /** At most this many deltas (default 2: a timeline row has little room). */
  limit?: number;
}

export function VersionMetricDelta(props: VersionMetricDeltaProps) {
  const deltas = () =>
    metricDeltas(props.from.metrics, props.to.metrics)
      .filter((delta) => !props.names || props.names.includes(delta.name))
      .slice(0, props.limit ?? 2);
  return (
    <Show when={deltas().length > 0}>
      <span class="version-metric-delta" data-testid="version-metric-delta">
        <span class="version-metric-delta__versions">
          v{props.from.number} → v{props.to.number}:
        </span>
        <For each={deltas()}>
          {(delta) => (
            <span
              class={`metric-delta metric-delta--${delta.direction}`}
              title={`${metricLabel(delta.name)}: ${delta.before} → ${delta.after} (${delta.direction})`}
            >
              {metricLabel(delta.name)} {delta.text}
              <span class="visually-hidden"> ({delta.direction})</span>
            </span>
          )}
        </For>
      </span>
    </Show>
  );
}

/** The metrics of a version's newest succeeded run (empty while none), refetched when `key` changes. */
export function createVersionMetrics(
  load: (versionId: string) => Promise<VersionMetrics>,
  versionId: Accessor<string | null>,
): Accessor<readonly RunMetric[]> {
  const [data] = createResource(versionId, (id) => load(id));
  return () => data.latest?.runs.find((entry) => entry.run.status === 'succeeded')?.metrics ?? [];
}
