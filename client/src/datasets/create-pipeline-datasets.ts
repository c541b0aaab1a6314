/**
 * `createPipelineDatasets()`: the datasets attached to one pipeline (`GET /api/pipelines/:id/
 * datasets`), refetched whenever the server announces a `dataset` record change on the pipeline's
 * connection (attached, detached, renamed — by anyone) and when the browser comes back online.
 *
 * `facts()` is what validation and code generation read (shared/analysis `DatasetFactsById`):
 * columns, dtypes and missing counts by dataset id, so CSV nodes have known columns. It keeps its
 * identity while the profiles do not change, so a rename does not regenerate code.
 *
 * Offline (stale-while-revalidate): with a `cache`, the list this device last saw for the person
 * and pipeline shows at once, until the server's answer replaces it; every answer (and every
 * `put`) is written back. A refusal (403/404: access lost, pipeline gone) drops the cached copy.
 */
import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';
import type { DatasetFactsById } from '../../../shared/analysis/tables.ts';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { datasetFacts } from '../../../shared/datasets/profile/index.ts';
import { ApiRequestError } from '../api/errors.ts';
import { createRecordListener, type StatelessSubscribe } from '../versions/create-record-listener.ts';
import type { DatasetCache } from './dataset-cache.ts';
import type { DatasetsApi } from './datasets-api.ts';

export interface PipelineDatasets {
  datasets: Accessor<readonly DatasetRecord[]>;
  byId(id: string): DatasetRecord | undefined;
  facts: Accessor<DatasetFactsById>;
  loading: Accessor<boolean>;
  /** True while the list shown is this device's copy, not yet confirmed by the server. */
  fromCache: Accessor<boolean>;
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
  /** This device's copy, per person and pipeline (dataset-cache.ts); none: online only. */
  cache?: { store: DatasetCache; userId: string };
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
  const [fromCache, setFromCache] = createSignal(false);
  const { cache, pipelineId } = options;
  /** The list shown came from the server (or a `put`): the cached copy is older. */
  let confirmed = false;
  let current: AbortController | undefined;

  const show = (list: readonly DatasetRecord[], fromServer: boolean) => {
    confirmed = true;
    setDatasets(list);
    if (fromServer) setFromCache(false);
    if (cache) void cache.store.write(cache.userId, pipelineId, list);
  };

  if (cache) {
    void cache.store.read(cache.userId, pipelineId).then((cached) => {
      if (confirmed || !cached) return;
      setDatasets(cached);
      setFromCache(true);
    });
  }

  const refetch = () => {
    current?.abort();
    const request = new AbortController();
    current = request;
    options.api.forPipeline(pipelineId, request.signal).then(
      (list) => {
        if (request !== current) return;
        show(list, true);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (request !== current || request.signal.aborted) return;
        // Offline or refused: keep what is known (the columns stay useful) and say why.
        setError(cause instanceof Error ? cause.message : 'Could not load the datasets.');
        setLoading(false);
        // No longer a member, or the pipeline is gone: this device should not keep its data.
        if (cache && cause instanceof ApiRequestError && (cause.status === 403 || cause.status === 404)) {
          void cache.store.forget(cache.userId, pipelineId);
        }
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
    fromCache,
    error,
    refetch,
    put(record) {
      const list = datasets();
      show(
        list.some((dataset) => dataset.id === record.id)
          ? list.map((dataset) => (dataset.id === record.id ? record : dataset))
          : [...list, record],
        false,
      );
    },
  };
}
