/** Bounds that keep profiling memory constant per column, and the thresholds of the warnings. */

/** Distinct values counted exactly per column; beyond, a HyperLogLog estimates the count. */
export const DISTINCT_EXACT_CAP = 10_000;
/** Longer values are keyed by a prefix plus a hash, so the exact set stays small in memory. */
export const MAX_KEY_CHARS = 200;
/** Numbers kept per column for quantiles and the histogram (exact up to this many values). */
export const RESERVOIR_SIZE = 10_000;
export const HISTOGRAM_BINS = 20;
export const TOP_VALUES = 10;
/** Row hashes kept to find duplicate rows; later rows are not checked (the count says so). */
export const DUPLICATE_ROWS_CAP = 1_000_000;

/** Missing share above which a column is flagged (the "heavy missingness"). */
export const HEAVY_MISSING_RATIO = 0.4;
/** Distinct values above which a text column is "high cardinality" rather than categorical. */
export const HIGH_CARDINALITY = 50;
/** At most this many classes for an integer column to read as classes rather than a quantity. */
export const MAX_CLASSES = 20;
/** Fewest rows before "unique per row" says anything about a column being an identifier. */
export const MIN_ROWS_FOR_ID = 20;
/** Smallest / largest class count below which the guessed target is "imbalanced". */
export const IMBALANCE_RATIO = 0.2;

/**
 * Leaks and duplicate columns come from co-occurrence counts of column pairs. Only the first
 * DEPENDENCY_MAX_COLUMNS columns (plus the columns that could be the target) are paired, and a
 * column leaves the pairs once it shows more than DEPENDENCY_MAX_DISTINCT values: memory stays
 * below pairs × DEPENDENCY_MAX_DISTINCT² counters whatever the file's length.
 */
export const DEPENDENCY_MAX_COLUMNS = 24;
export const DEPENDENCY_MAX_DISTINCT = 50;
/** Share of rows (both cells present) on which one column must determine the other. */
export const DEPENDENCY_MIN_AGREEMENT = 0.995;
/** Rows per value of the determining column, so a dependency is not an accident of few rows. */
export const DEPENDENCY_MIN_ROWS_PER_VALUE = 5;
/**
 * A dependency must also explain almost all of what guessing the most common value gets wrong: at
 * most this share of that baseline's errors remain (a 99%-negative target is "determined" on 99% of
 * rows by anything).
 */
export const DEPENDENCY_MAX_RESIDUAL_ERROR = 0.1;
