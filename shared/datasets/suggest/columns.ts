/**
 * Sorting a profile's columns into what preprocessing each needs: drop (identifiers, constants,
 * mostly missing, free text, dates, leaks of the target, the second of two duplicate columns),
 * numeric, one-hot (few categories) or ordinal (many).
 */
import type { ColumnProfile, DatasetProfile } from '../profile/types.ts';

/** At most this many categories for one-hot encoding; more go to the ordinal encoder. */
export const ONE_HOT_MAX_CATEGORIES = 15;
/** Missing share above which a column is dropped rather than imputed. */
export const DROP_MISSING_RATIO = 0.6;
/** Categorical columns with more distinct values per row than this are keys, not categories. */
export const DROP_DISTINCT_RATIO = 0.5;

export type DropReason =
  | 'id-like'
  | 'constant'
  | 'mostly-missing'
  | 'free-text'
  | 'datetime'
  | 'target-leak'
  | 'duplicate';

export interface DroppedColumn {
  column: string;
  why: DropReason;
  /** The target a leak gives away, or the kept twin of a duplicate. */
  of?: string;
}

export interface ColumnPlan {
  drop: DroppedColumn[];
  numeric: ColumnProfile[];
  oneHot: ColumnProfile[];
  ordinal: ColumnProfile[];
}

export function planColumns(profile: DatasetProfile, target: string | null): ColumnPlan {
  const plan: ColumnPlan = { drop: [], numeric: [], oneHot: [], ordinal: [] };
  const dropped = new Set<string>();
  const drop = (entry: DroppedColumn) => {
    plan.drop.push(entry);
    dropped.add(entry.column);
  };
  const leaks = new Set<string>();
  const twins = new Map<string, string>();
  for (const warning of profile.warnings) {
    if (warning.kind === 'target-leak' && warning.target === target) leaks.add(warning.column);
    if (warning.kind === 'duplicate-column') twins.set(warning.column, warning.duplicateOf);
  }
  // Header order: a duplicate's earlier twin is decided before it.
  for (const column of profile.columns) {
    if (column.name === target) continue;
    const twin = twins.get(column.name);
    if (leaks.has(column.name) || (twin !== undefined && twin === target)) {
      drop({ column: column.name, why: 'target-leak', of: target! });
      continue;
    }
    const why = dropReason(column, profile.rows);
    if (why) {
      drop({ column: column.name, why });
      continue;
    }
    // Keep the first of two duplicates, unless it went for a reason of its own.
    if (twin !== undefined && !dropped.has(twin)) {
      drop({ column: column.name, why: 'duplicate', of: twin });
      continue;
    }
    switch (column.kind) {
      case 'integer':
      case 'float':
        plan.numeric.push(column);
        break;
      case 'boolean':
        // pandas reads a gap-free boolean column as bool, which scikit-learn takes as 0/1;
        // with gaps it is text ("True"/"False") and needs encoding.
        (column.dtype === 'bool' ? plan.numeric : plan.oneHot).push(column);
        break;
      case 'categorical':
      case 'text':
        (column.distinct.count <= ONE_HOT_MAX_CATEGORIES ? plan.oneHot : plan.ordinal).push(column);
        break;
      case 'datetime':
      case 'id':
      case 'empty':
        // dropReason covers these; listed for the exhaustive switch.
        break;
      default:
        column.kind satisfies never;
    }
  }
  return plan;
}

function dropReason(column: ColumnProfile, rows: number): DropReason | null {
  if (column.kind === 'id') return 'id-like';
  if (column.kind === 'empty' || column.distinct.count <= 1) return 'constant';
  if (rows > 0 && column.missing / rows > DROP_MISSING_RATIO) return 'mostly-missing';
  if (column.kind === 'datetime') return 'datetime';
  if (
    column.kind === 'text' &&
    column.count > 0 &&
    column.distinct.count / column.count > DROP_DISTINCT_RATIO
  ) {
    return 'free-text';
  }
  return null;
}
