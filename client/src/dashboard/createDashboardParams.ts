/** The dashboard's view state lives in the URL (?q=&tag=&page=) so it survives reloads and Back. */
import { useSearchParams } from '@solidjs/router';
import { firstParam } from '../lib/search-param.ts';

export const PAGE_SIZE = 20;

export interface DashboardParams {
  q: () => string;
  tag: () => string | undefined;
  offset: () => number;
  setQuery(q: string): void;
  setTag(tag: string | undefined): void;
  setOffset(offset: number): void;
  /** Removes search and tag filter. */
  clear(): void;
}

export function createDashboardParams(): DashboardParams {
  const [params, setParams] = useSearchParams();
  const page = () => {
    const value = Number.parseInt(firstParam(params.page) ?? '1', 10);
    return Number.isInteger(value) && value > 1 ? value : 1;
  };
  return {
    q: () => firstParam(params.q) ?? '',
    tag: () => firstParam(params.tag) || undefined,
    offset: () => (page() - 1) * PAGE_SIZE,
    // Typing in the search box replaces the history entry; a new filter resets to the first page.
    setQuery: (q) => setParams({ q: q || undefined, page: undefined }, { replace: true }),
    setTag: (tag) => setParams({ tag, page: undefined }),
    setOffset: (offset) => {
      const next = Math.floor(offset / PAGE_SIZE) + 1;
      setParams({ page: next > 1 ? next : undefined });
    },
    clear: () => setParams({ q: undefined, tag: undefined, page: undefined }),
  };
}
