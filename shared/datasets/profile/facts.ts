/** The slice of a profile the graph lint reads (shared/analysis/tables.ts `DatasetFacts`). */
import type { DatasetFacts } from '../../analysis/tables.ts';
import type { DatasetProfile } from './types.ts';

export function datasetFacts(profile: DatasetProfile): DatasetFacts {
  return {
    columns: profile.columns.map((column) => ({
      name: column.name,
      dtype: column.dtype,
      missing: column.missing,
    })),
  };
}
