/** One page of the datasets the caller can see, for the current search and offset. */
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { createPagedList, type PagedList } from '../lib/create-paged-list.ts';
import type { DatasetsApi } from './datasets-api.ts';

export const DATASET_PAGE_SIZE = 50;

export interface DatasetListQuery {
  q: string;
  offset: number;
}

export type DatasetList = PagedList<DatasetSummary>;

export function createDatasetList(
  api: Pick<DatasetsApi, 'list'>,
  query: () => DatasetListQuery,
): DatasetList {
  const list = createPagedList(
    query,
    async ({ q, offset }) => {
      const page = await api.list({ q: q || undefined, offset, limit: DATASET_PAGE_SIZE });
      return { items: page.datasets, total: page.total, offset };
    },
    DATASET_PAGE_SIZE,
  );
  // A rename answers with the whole record; the row keeps only the summary.
  return { ...list, replace: (dataset) => list.replace(pickSummary(dataset)) };
}

/** A record without its profile: the row shows only the summary. */
export function pickSummary(dataset: DatasetSummary & { profile?: unknown }): DatasetSummary {
  const { profile: _profile, ...summary } = dataset;
  return summary;
}
