/**
 * One page of the datasets the caller can see, for the current search and offset. Rows live in a
 * store reconciled by id, so a refresh or a rename updates rows in place (focus stays put).
 */
import { createComputed, createResource } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import type { DatasetsApi } from './datasets-api.ts';

export const DATASET_PAGE_SIZE = 50;

export interface DatasetListQuery {
  q: string;
  offset: number;
}

export interface DatasetList {
  status(): 'loading' | 'error' | 'ready';
  refreshing(): boolean;
  error(): unknown;
  items: readonly DatasetSummary[];
  total(): number;
  offset(): number;
  limit: number;
  refetch(): Promise<void>;
  /** Puts a server answer (after a rename) into its row. */
  replace(dataset: DatasetSummary): void;
}

export function createDatasetList(
  api: Pick<DatasetsApi, 'list'>,
  query: () => DatasetListQuery,
): DatasetList {
  const [page, { refetch }] = createResource(query, async ({ q, offset }) => ({
    ...(await api.list({ q: q || undefined, offset, limit: DATASET_PAGE_SIZE })),
    offset,
  }));
  const [items, setItems] = createStore<DatasetSummary[]>([]);
  createComputed(() => {
    if (page.state === 'ready') setItems(reconcile(page().datasets, { key: 'id' }));
  });
  return {
    status() {
      if (page.state === 'errored') return 'error';
      return page.latest === undefined ? 'loading' : 'ready';
    },
    refreshing: () => page.state === 'refreshing' || page.state === 'pending',
    error: () => page.error,
    items,
    total: () => (page.state === 'errored' ? 0 : (page.latest?.total ?? 0)),
    offset: () => (page.state === 'errored' ? 0 : (page.latest?.offset ?? 0)),
    limit: DATASET_PAGE_SIZE,
    refetch: async () => {
      try {
        await refetch();
      } catch {
        // the resource holds the error and the page shows it
      }
    },
    replace(dataset) {
      setItems(
        (item) => item.id === dataset.id,
        (item) => ({ ...item, ...pickSummary(dataset) }),
      );
    },
  };
}

/** A record without its profile: the row shows only the summary. */
export function pickSummary(dataset: DatasetSummary & { profile?: unknown }): DatasetSummary {
  const { profile: _profile, ...summary } = dataset;
  return summary;
}
