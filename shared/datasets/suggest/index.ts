/** Preprocessing and model suggestions from a dataset profile (pure data; see types.ts). */
export {
  type ColumnPlan,
  DROP_DISTINCT_RATIO,
  DROP_MISSING_RATIO,
  type DroppedColumn,
  type DropReason,
  ONE_HOT_MAX_CATEGORIES,
  planColumns,
} from './columns.ts';
export { type ModelChoice, modelsFor } from './models.ts';
export { suggestFromProfile } from './suggest.ts';
export type * from './types.ts';
