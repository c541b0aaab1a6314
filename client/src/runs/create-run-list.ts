/**
 * Every run of the pipeline (`GET /api/pipelines/:id/runs`), refetched when the set of live runs
 * or one of their statuses changes in awareness: a run started by anyone, anywhere, appears, and a
 * finished run shows its metrics once its record is final (the runner writes the record before it
 * publishes the end). Requests that a newer one replaced are dropped.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { RunSummary } from '../../../shared/api/runs.ts';
import type { RunAwareness } from '../../../shared/doc/awareness.ts';
import type { RunsApi } from './runs-api.ts';

export interface RunList {
  runs: Accessor<readonly RunSummary[]>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  refetch(): void;
}

/** A key that changes when a run appears, disappears or changes status, not on every log line. */
export function presenceKey(runs: ReadonlyMap<string, RunAwareness>): string {
  return [...runs].map(([runId, run]) => `${runId}:${run.status}`).join(',');
}

export function createRunList(
  api: Pick<RunsApi, 'list'>,
  pipelineId: string,
  live: Accessor<ReadonlyMap<string, RunAwareness>>,
): RunList {
  const [runs, setRuns] = createSignal<readonly RunSummary[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  let current: AbortController | undefined;

  const refetch = () => {
    current?.abort();
    const request = new AbortController();
    current = request;
    api.list(pipelineId, request.signal).then(
      (page) => {
        if (request !== current) return;
        setRuns(page.items);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (request !== current) return;
        setError(cause instanceof Error ? cause.message : 'Could not load the runs.');
        setLoading(false);
      },
    );
  };

  createEffect(on(() => presenceKey(live()), refetch));
  onCleanup(() => current?.abort());
  return { runs, loading, error, refetch };
}
