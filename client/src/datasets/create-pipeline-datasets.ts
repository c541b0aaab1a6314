/**
 * `createPipelineDatasets()`: the datasets attached to one pipeline (`GET /api/pipelines/:id/
 * datasets`), refetched whenever the server announces a `dataset` record change on the pipeline's
 * connection (attached, detached, renamed — by anyone) and when the browser comes back online.
 *
 * `facts()` is what validation and code generation read (shared/analysis `DatasetFactsById`):
 * columns, dtypes and missing counts by dataset id, so CSV nodes have known columns. It keeps its
 * identity while the profiles do not change, so a rename does not regenerate code.
 */
import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import type { DatasetFactsById } from '../../../shared/analysis/tables.ts';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { datasetFacts } from '../../../shared/datasets/profile/index.ts';
import { createRecordListener, type StatelessSubscribe } from '../versions/create-record-listener.ts';
import type { DatasetsApi } from './datasets-api.ts';

export interface PipelineDatasets {
  datasets: Accessor<readonly DatasetRecord[]>;
  byId(id: string): DatasetRecord | undefined;
  facts: Accessor<DatasetFactsById>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  refetch(): void;
  /** Shows a dataset attached here (after an upload or an attach) before the notification lands. */
  put(record: DatasetRecord): void;
}

export interface PipelineDatasetsOptions {
  api: Pick<DatasetsApi, 'forPipeline'>;
  pipelineId: string;
  /** The pipeline connection's stateless messages (record notifications). */
  subscribe: StatelessSubscribe;
}

export function factsOf(datasets: readonly DatasetRecord[]): DatasetFactsById {
  const facts: Record<string, ReturnType<typeof datasetFacts>> = {};
  for (const dataset of datasets) facts[dataset.id] = datasetFacts(dataset.profile);
  return facts;
}

export function createPipelineDatasets(options: PipelineDatasetsOptions): PipelineDatasets {
  const [datasets, setDatasets] = createSignal<readonly DatasetRecord[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  let current: AbortController | undefined;

  const refetch = () => {
    current?.abort();
    const request = new AbortController();
    current = request;
    options.api.forPipeline(options.pipelineId, request.signal).then(
      (list) => {
        if (request !== current) return;
        setDatasets(list);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (request !== current || request.signal.aborted) return;
        // Offline or refused: keep what is known (the columns stay useful) and say why.
        setError(cause instanceof Error ? cause.message : 'Could not load the datasets.');
        setLoading(false);
      },
    );
  };

  createRecordListener(options.subscribe, (notification) => {
    if (notification.kind === 'dataset') refetch();
  });
  const onOnline = () => refetch();
  window.addEventListener('online', onOnline);
  onCleanup(() => {
    window.removeEventListener('online', onOnline);
    current?.abort();
  });
  refetch();

  const facts = createMemo<DatasetFactsById>(
    () => factsOf(datasets()),
    {},
    {
      equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    },
  );

  return {
    datasets,
    byId: (id) => datasets().find((dataset) => dataset.id === id),
    facts,
    loading,
    error,
    refetch,
    put(record) {
      setDatasets((list) =>
        list.some((dataset) => dataset.id === record.id)
          ? list.map((dataset) => (dataset.id === record.id ? record : dataset))
          : [...list, record],
      );
    },
  };
}
