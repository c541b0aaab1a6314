/**
 * The versions timeline's metric deltas ("v7 → v8: F1 +0.021"): each version against the one it
 * was saved after, from the newest succeeded run of each in the pipeline's run list (already
 * loaded for the Runs tab, and refetched when a run ends), so a timeline row costs no request.
 */
import type { Accessor } from 'solid-js';
import { Show } from 'solid-js';
import type { RunMetric, RunSummary } from '../../../shared/api/runs.ts';
import type { VersionSummary } from '../../../shared/api/types.ts';
import { VersionMetricDelta } from './VersionMetricDelta.tsx';

/** Metrics of the newest succeeded run of a version, or undefined when it has none. */
export function latestSucceededMetrics(
  runs: readonly RunSummary[],
  versionId: string,
): readonly RunMetric[] | undefined {
  let newest: RunSummary | undefined;
  for (const run of runs) {
    if (run.version.id !== versionId || run.status !== 'succeeded') continue;
    if (!newest || run.createdAt > newest.createdAt) newest = run;
  }
  return newest?.metrics;
}

export function TimelineMetricDelta(props: {
  version: VersionSummary;
  parent: VersionSummary | undefined;
  runs: Accessor<readonly RunSummary[]>;
}) {
  const pair = () => {
    const parent = props.parent;
    if (!parent) return undefined;
    const before = latestSucceededMetrics(props.runs(), parent.id);
    const after = latestSucceededMetrics(props.runs(), props.version.id);
    if (!before || !after) return undefined;
    return {
      from: { number: parent.number, metrics: before },
      to: { number: props.version.number, metrics: after },
    };
  };
  return <Show when={pair()}>{(p) => <VersionMetricDelta from={p().from} to={p().to} />}</Show>;
}
