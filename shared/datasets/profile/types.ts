/**
 * The profile of a dataset: plain JSON, stored with the dataset record and shown in the UI.
 * Bump PROFILE_VERSION when a field changes meaning. History:
 * - 1: columns, target guess, column / duplicate-row / imbalance warnings.
 * - 2: `target-leak` and `duplicate-column` warnings (a version 1 profile never looked for them).
 */

import type { TextEncodingName } from '../csv/decoder.ts';
import type { Delimiter } from '../csv/delimiter.ts';

export const PROFILE_VERSION = 2;

/** What a column holds, as a person would say it. */
export type ColumnKind =
  | 'integer'
  | 'float'
  | 'boolean'
  | 'datetime'
  | 'categorical'
  | 'text'
  | 'id'
  | 'empty';

/** The dtype `pd.read_csv` gives the column with default options (datetimes stay object). */
export type PandasDtype = 'int64' | 'float64' | 'bool' | 'object';

export type TaskKind = 'classification' | 'regression';

export interface DistinctCount {
  /** Distinct non-missing values (pandas `nunique()`). */
  count: number;
  /** False once the column passed DISTINCT_EXACT_CAP values and the count is a HyperLogLog estimate. */
  exact: boolean;
}

export interface Histogram {
  /** bins + 1 edges from min to max. */
  edges: number[];
  /** Rows per bin (scaled up from the sample when the sample is not the whole column). */
  counts: number[];
}

export interface NumericSummary {
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (ddof = 1, like pandas); null with fewer than two values. */
  std: number | null;
  p25: number;
  p50: number;
  p75: number;
  /** Whether quantiles and histogram come from every value (else from a uniform sample). */
  exactQuantiles: boolean;
  histogram: Histogram;
}

export interface TopValue {
  value: string;
  count: number;
}

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  dtype: PandasDtype;
  /** Non-missing cells. */
  count: number;
  missing: number;
  distinct: DistinctCount;
  numeric: NumericSummary | null;
  /** Most frequent values, most frequent first (empty for float columns). */
  top: TopValue[];
  /** False when the column had more distinct values than the counter keeps (counts are lower bounds). */
  topExact: boolean;
}

export interface TargetGuess {
  column: string;
  task: TaskKind;
  /** Why this column: its name, or being the last column. */
  reason: string;
  confidence: number;
}

export type ProfileWarning =
  | { kind: 'constant'; column: string; message: string }
  | { kind: 'id-like'; column: string; pattern: 'integer-sequence' | 'uuid' | 'unique-text'; message: string }
  | { kind: 'high-cardinality'; column: string; distinct: number; message: string }
  | { kind: 'heavy-missing'; column: string; ratio: number; message: string }
  | { kind: 'duplicate-rows'; count: number; exact: boolean; message: string }
  | { kind: 'class-imbalance'; column: string; minority: string; ratio: number; message: string }
  /** `column` determines the guessed `target` on almost every row: the answer under another name. */
  | { kind: 'target-leak'; column: string; target: string; message: string }
  /** `column` and the earlier `duplicateOf` determine each other: the same information twice. */
  | { kind: 'duplicate-column'; column: string; duplicateOf: string; message: string };

export interface DatasetProfile {
  version: typeof PROFILE_VERSION;
  rows: number;
  columns: ColumnProfile[];
  delimiter: Delimiter;
  encoding: TextEncodingName | null;
  /** Rows equal to an earlier row (pandas `duplicated().sum()`). */
  duplicateRows: { count: number; exact: boolean };
  target: TargetGuess | null;
  warnings: ProfileWarning[];
}
