/**
 * One page of the caller's pipelines for the current search, tag and offset. Rows are kept in a
 * store reconciled by id, so a refresh or a rename updates rows in place (focus stays put).
 */
import { createComputed, createResource } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import type { PipelinesApi } from '../api/pipelines.ts';
import { PAGE_SIZE } from './createDashboardParams.ts';

export interface PipelineListQuery {
  q: string;
  tag: string | undefined;
  offset: number;
}

export type PipelineListStatus = 'loading' | 'error' | 'ready';

export interface PipelineList {
  status(): PipelineListStatus;
  /** True while a newer page is on its way and the old rows are still shown. */
  refreshing(): boolean;
  error(): unknown;
  items: readonly PipelineSummary[];
  total(): number;
  offset(): number;
  limit: number;
  /** Loads the current page again; resolves once it is shown (or failed). */
  refetch(): Promise<void>;
  /** Puts a server answer (e.g. after rename) into its row. */
  replace(pipeline: PipelineSummary): void;
}

export function createPipelineList(api: PipelinesApi, query: () => PipelineListQuery): PipelineList {
  const [page, { refetch }] = createResource(query, ({ q, tag, offset }) =>
    api.list({ q: q || undefined, tag, offset, limit: PAGE_SIZE }),
  );
  const [items, setItems] = createStore<PipelineSummary[]>([]);
  createComputed(() => {
    if (page.state === 'ready') setItems(reconcile(page().items, { key: 'id' }));
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
    limit: PAGE_SIZE,
    refetch: async () => {
      try {
        await refetch();
      } catch {
        // the resource holds the error and the page shows it
      }
    },
    replace(pipeline) {
      setItems((item) => item.id === pipeline.id, reconcile(pipeline));
    },
  };
}
