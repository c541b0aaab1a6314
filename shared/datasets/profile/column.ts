/**
 * One column's accumulator: fed every cell as it streams by, it keeps only counters, the value
 * counter (bounded) and the numeric reservoir (bounded), then summarises into a ColumnProfile.
 */
import { ValueCounter } from './distinct.ts';
import { HIGH_CARDINALITY, MIN_ROWS_FOR_ID, TOP_VALUES } from './limits.ts';
import { isMissing } from './na-values.ts';
import { NumericStats } from './numeric.ts';
import type { ColumnKind, ColumnProfile, PandasDtype } from './types.ts';
import { isBoolean, isDatetime, isUuid, lastNumberWasInteger, parseNumber } from './values.ts';

/** What made a column look like an identifier, kept for the warning. */
export type IdPattern = 'integer-sequence' | 'uuid' | 'unique-text';

export interface ColumnSummary {
  profile: ColumnProfile;
  idPattern: IdPattern | null;
}

export class ColumnAccumulator {
  readonly name: string;
  private missing = 0;
  private count = 0;
  private allInteger = true;
  private allNumber = true;
  private allBoolean = true;
  private allDatetime = true;
  private allUuid = true;
  private readonly values = new ValueCounter();
  /** Dropped at the first non-numeric cell: a text column needs no numeric sample. */
  private numbers: NumericStats | null = new NumericStats();

  constructor(name: string) {
    this.name = name;
  }

  /**
   * `missing`: whether the cell is an NA spelling (`isMissing`), known to the caller already.
   * Returns the cell's entry in the value counter (see ValueCounter.add), -1 for a missing cell or
   * a value past the exact count.
   */
  add(cell: string, missing = isMissing(cell)): number {
    if (missing) {
      this.missing++;
      return -1;
    }
    this.count++;
    if (this.allBoolean && !isBoolean(cell)) this.allBoolean = false;
    if (this.allDatetime && !isDatetime(cell)) this.allDatetime = false;
    if (this.allUuid && !isUuid(cell)) this.allUuid = false;
    if (this.numbers !== null) {
      const value = parseNumber(cell);
      if (!Number.isNaN(value)) {
        this.numbers.add(value);
        if (!lastNumberWasInteger) this.allInteger = false;
        // pandas counts 39.1 and 39.10 as one value: key numbers by their parsed value.
        return this.values.addNumber(value);
      }
      this.numbers = null;
      this.allNumber = false;
      this.allInteger = false;
    }
    return this.values.addString(cell);
  }

  summarise(rows: number): ColumnSummary {
    const distinct = this.values.distinct();
    const numeric = this.numbers?.summary() ?? null;
    const dtype = this.dtype();
    const idPattern = this.idPattern(rows, distinct.count, numeric?.min, numeric?.max);
    const kind = this.kind(dtype, distinct.count, idPattern);
    return {
      profile: {
        name: this.name,
        kind,
        dtype,
        count: this.count,
        missing: this.missing,
        distinct,
        numeric: dtype === 'int64' || dtype === 'float64' ? numeric : null,
        top: dtype === 'float64' && this.count > 0 && kind === 'float' ? [] : this.values.top(TOP_VALUES),
        topExact: this.values.exact,
      },
      idPattern,
    };
  }

  /** Value counts, for the target's class balance. */
  valueCounts(): Generator<[string, number]> {
    return this.values.entries();
  }

  /** pandas' inference with default read_csv options. */
  private dtype(): PandasDtype {
    if (this.count === 0) return 'float64';
    if (this.allNumber) return this.allInteger && this.missing === 0 ? 'int64' : 'float64';
    // A boolean column with gaps stays object in pandas (no nullable bool by default).
    if (this.allBoolean) return this.missing === 0 ? 'bool' : 'object';
    return 'object';
  }

  private idPattern(rows: number, distinct: number, min?: number, max?: number): IdPattern | null {
    if (rows < MIN_ROWS_FOR_ID || this.missing > 0 || distinct < this.count) return null;
    if (this.allUuid) return 'uuid';
    if (this.allInteger && min !== undefined && max !== undefined) {
      // Unique integers packed into a range barely wider than the row count: a row counter.
      return max - min + 1 <= rows * 1.1 ? 'integer-sequence' : null;
    }
    if (!this.allNumber && !this.allDatetime) return 'unique-text';
    return null;
  }

  private kind(dtype: PandasDtype, distinct: number, idPattern: IdPattern | null): ColumnKind {
    if (this.count === 0) return 'empty';
    if (idPattern !== null) return 'id';
    switch (dtype) {
      case 'bool':
        return 'boolean';
      case 'int64':
        return 'integer';
      case 'float64':
        // Whole numbers with gaps are integers that pandas had to widen to float for the NaN.
        return this.allInteger ? 'integer' : 'float';
      case 'object':
        if (this.allBoolean) return 'boolean';
        if (this.allDatetime) return 'datetime';
        return distinct > HIGH_CARDINALITY ? 'text' : 'categorical';
      default:
        return dtype satisfies never;
    }
  }
}
