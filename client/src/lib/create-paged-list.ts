/**
 * One page of a server list for the current query (search, filters, offset). Rows live in a store
 * reconciled by id, so a refresh or a rename updates rows in place and focus stays put; while a
 * newer page loads the old rows stay on screen (`refreshing`).
 */
import { createComputed, createResource } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

export interface Page<Item> {
  items: readonly Item[];
  total: number;
  offset: number;
}

export type PagedListStatus = 'loading' | 'error' | 'ready';

export interface PagedList<Item> {
  status(): PagedListStatus;
  /** True while a newer page is on its way and the old rows are still shown. */
  refreshing(): boolean;
  error(): unknown;
  items: readonly Item[];
  total(): number;
  offset(): number;
  limit: number;
  /** Loads the current page again; resolves once it is shown (or failed). */
  refetch(): Promise<void>;
  /** Puts a server answer (e.g. after a rename) into its row. */
  replace(item: Item): void;
}

export function createPagedList<Item extends { id: string }, Query>(
  query: () => Query,
  fetchPage: (query: Query) => Promise<Page<Item>>,
  limit: number,
): PagedList<Item> {
  const [page, { refetch }] = createResource(query, fetchPage);
  const [items, setItems] = createStore<Item[]>([]);
  createComputed(() => {
    if (page.state === 'ready') setItems(reconcile([...page().items], { key: 'id' }));
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
    limit,
    refetch: async () => {
      try {
        await refetch();
      } catch {
        // the resource holds the error and the page shows it
      }
    },
    replace(item) {
      const index = items.findIndex((row) => row.id === item.id);
      if (index >= 0) setItems(index, reconcile(item));
    },
  };
}
