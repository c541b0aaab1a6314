/**
 * Every run of the pipeline (`GET /api/pipelines/:id/runs`), refetched on the pipeline's `run`
 * record notifications: created, started, finished, cancel asked — sent by the server for runs
 * of any runner, in-process or standalone (server/runner/run-announcements.ts). A finished run
 * shows its metrics at once: the runner announces the end after it wrote the record. Awareness
 * (live tail, progress) does not drive this list. Coming back online refetches too, since
 * notifications sent meanwhile never arrived. Requests that a newer one replaced are dropped.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { RunSummary } from '../../../shared/api/runs.ts';
import { createRecordListener, type StatelessSubscribe } from '../versions/create-record-listener.ts';
import type { RunsApi } from './runs-api.ts';

export interface RunList {
  runs: Accessor<readonly RunSummary[]>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  refetch(): void;
}

export interface RunListOptions {
  /** The pipeline's stateless channel (record notifications). */
  subscribe: StatelessSubscribe;
  /** Whether the sync connection is up; a return to true refetches. */
  online?: Accessor<boolean>;
}

export function createRunList(
  api: Pick<RunsApi, 'list'>,
  pipelineId: string,
  options: RunListOptions,
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

  createRecordListener(options.subscribe, (notification) => {
    if (notification.kind === 'run') refetch();
  });
  const online = options.online;
  if (online) {
    createEffect(
      on(online, (isOnline, wasOnline) => {
        if (isOnline && wasOnline === false) refetch();
      }),
    );
  }
  refetch();
  onCleanup(() => current?.abort());
  return { runs, loading, error, refetch };
}
