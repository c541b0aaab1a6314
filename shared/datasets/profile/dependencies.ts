/**
 * Functional dependencies between low-cardinality columns, found in the same single pass as the
 * rest of the profile: co-occurrence counts of column pairs. Once the target is guessed they give
 * - target leaks: a column that determines the target on almost every row (`alive` for `survived`),
 *   which would let a model read the answer instead of learning it;
 * - duplicate columns: two columns that determine each other (`class` ↔ `pclass`), the same
 *   information under two names.
 *
 * Memory is bounded whatever the file's length: each tracked column codes at most
 * DEPENDENCY_MAX_DISTINCT values and leaves every pair when it shows one more, and a pair keeps a
 * fixed DEPENDENCY_MAX_DISTINCT² table of counters.
 */
import {
  DEPENDENCY_MAX_COLUMNS,
  DEPENDENCY_MAX_DISTINCT,
  DEPENDENCY_MAX_RESIDUAL_ERROR,
  DEPENDENCY_MIN_AGREEMENT,
  DEPENDENCY_MIN_ROWS_PER_VALUE,
} from './limits.ts';
import { isMissing } from './na-values.ts';
import type { ProfileWarning } from './types.ts';

const SIDE = DEPENDENCY_MAX_DISTINCT;
const MISSING = -1;

interface TrackedColumn {
  /** Position in the header. */
  index: number;
  name: string;
  /** Raw cell text → code (0..SIDE-1). */
  codes: Map<string, number>;
  alive: boolean;
  /**
   * A cache in front of `codes`, by the cell's entry in its column's value counter (which the
   * profiler knows already): the text last seen with that entry and its code. The entry alone is
   * not enough (39.1 and 39.10 share one), so a hit also needs the same text.
   */
  entryText: (string | undefined)[];
  entryCode: Int32Array;
}

/** Entries cached per column: a live column has at most SIDE values, so at most SIDE entries. */
const ENTRY_CACHE = 64;

interface Pair {
  /** Positions in `tracked`; `a` comes first in the header. */
  a: number;
  b: number;
  /** counts[codeA * SIDE + codeB]: rows where both cells are present. */
  counts: Uint32Array;
}

/** How well one side of a pair determines the other, over the rows where both are present. */
interface Direction {
  rows: number;
  /** Rows that agree with the most common partner value of their own value. */
  agreeing: number;
  /** Distinct values of the determining side. */
  values: number;
  /** Distinct values of the determined side. */
  partnerValues: number;
  /** Rows of the determined side's most common value (the majority baseline). */
  partnerMajority: number;
}

export class DependencyTracker {
  private readonly tracked: TrackedColumn[];
  private pairs: Pair[] = [];
  private readonly rowCodes: Int32Array;
  /** Positions in `tracked` of the columns still alive (the only codes a row needs). */
  private live: number[];
  private pruneNeeded = false;

  /**
   * `columns` is the header; `candidates` the positions that may become the target (tracked even
   * beyond DEPENDENCY_MAX_COLUMNS, so a target at the end of a wide file still finds its leaks).
   */
  constructor(columns: readonly string[], candidates: Iterable<number>) {
    const positions = new Set<number>();
    for (let i = 0; i < Math.min(columns.length, DEPENDENCY_MAX_COLUMNS); i++) positions.add(i);
    for (const i of candidates) if (i >= 0 && i < columns.length) positions.add(i);
    this.tracked = [...positions]
      .sort((x, y) => x - y)
      .map((index) => ({
        index,
        name: columns[index]!,
        codes: new Map(),
        alive: true,
        entryText: [],
        entryCode: new Int32Array(ENTRY_CACHE),
      }));
    this.rowCodes = new Int32Array(this.tracked.length);
    this.live = this.tracked.map((_, t) => t);
    for (let a = 0; a < this.tracked.length; a++) {
      for (let b = a + 1; b < this.tracked.length; b++) {
        this.pairs.push({ a, b, counts: new Uint32Array(SIDE * SIDE) });
      }
    }
  }

  /**
   * What the profiler knows already, when it is given: `missing[i]` is 1 where cell i is an NA
   * spelling (else each tracked cell is checked here), `entries[i]` the cell's entry in its
   * column's value counter or -1.
   */
  row(fields: readonly string[], missing?: Uint8Array, entries?: Int32Array): void {
    if (this.pairs.length === 0) return;
    const live = this.live;
    const codes = this.rowCodes;
    for (let k = 0; k < live.length; k++) {
      const t = live[k]!;
      const column = this.tracked[t]!;
      const cell = fields[column.index] ?? '';
      if (missing === undefined ? isMissing(cell) : missing[column.index] === 1) {
        codes[t] = MISSING;
        continue;
      }
      const entry = entries === undefined ? -1 : entries[column.index]!;
      if (entry >= 0 && entry < ENTRY_CACHE && column.entryText[entry] === cell) {
        codes[t] = column.entryCode[entry]!;
        continue;
      }
      const code = this.code(column, cell);
      codes[t] = code;
      if (code >= 0 && entry >= 0 && entry < ENTRY_CACHE) {
        column.entryText[entry] = cell;
        column.entryCode[entry] = code;
      }
    }
    if (this.pruneNeeded) {
      // Dropped pairs free their tables; this happens at most once per column.
      this.pairs = this.pairs.filter((pair) => this.tracked[pair.a]!.alive && this.tracked[pair.b]!.alive);
      this.live = this.live.filter((t) => this.tracked[t]!.alive);
      this.pruneNeeded = false;
    }
    const pairs = this.pairs;
    for (let p = 0; p < pairs.length; p++) {
      const pair = pairs[p]!;
      const a = codes[pair.a]!;
      const b = codes[pair.b]!;
      if (a >= 0 && b >= 0) pair.counts[a * SIDE + b]!++;
    }
  }

  /** Leak warnings for `target` (when it was tracked), then duplicate-column warnings. */
  warnings(target: string | null): ProfileWarning[] {
    const leaks: { position: number; warning: ProfileWarning }[] = [];
    const duplicates: ProfileWarning[] = [];
    const reported = new Set<string>();
    // By the later column, then the earlier: each column is named a duplicate of its first twin.
    const ordered = [...this.pairs].sort((x, y) => x.b - y.b || x.a - y.a);
    for (const pair of ordered) {
      const first = this.tracked[pair.a]!;
      const second = this.tracked[pair.b]!;
      const forward = direction(pair.counts, false);
      const backward = direction(pair.counts, true);
      if (target === first.name || target === second.name) {
        const [column, towardsTarget, fromTarget] =
          target === second.name ? [first, forward, backward] : [second, backward, forward];
        const warning = leakWarning(column.name, target, towardsTarget, fromTarget);
        if (warning) leaks.push({ position: column.index, warning });
      }
      if (!reported.has(second.name) && determines(forward) && determines(backward)) {
        reported.add(second.name);
        duplicates.push({
          kind: 'duplicate-column',
          column: second.name,
          duplicateOf: first.name,
          message: `“${second.name}” repeats “${first.name}”: each value of one always comes with the same value of the other${exactness(forward, backward)}. Keep one of them.`,
        });
      }
    }
    leaks.sort((x, y) => x.position - y.position);
    return [...leaks.map((leak) => leak.warning), ...duplicates];
  }

  /** The code of a present cell (MISSING once the column shows too many values). */
  private code(column: TrackedColumn, cell: string): number {
    const known = column.codes.get(cell);
    if (known !== undefined) return known;
    if (column.codes.size >= SIDE) {
      column.alive = false;
      column.codes.clear();
      column.entryText = [];
      this.pruneNeeded = true;
      return MISSING;
    }
    const code = column.codes.size;
    column.codes.set(cell, code);
    return code;
  }
}

/** Counts of a pair read row-wise (the first column determines the second) or transposed. */
function direction(counts: Uint32Array, transposed: boolean): Direction {
  const at = (own: number, partner: number) =>
    transposed ? counts[partner * SIDE + own]! : counts[own * SIDE + partner]!;
  let rows = 0;
  let agreeing = 0;
  let values = 0;
  const partnerTotals = new Float64Array(SIDE);
  for (let own = 0; own < SIDE; own++) {
    let sum = 0;
    let max = 0;
    for (let partner = 0; partner < SIDE; partner++) {
      const count = at(own, partner);
      if (count === 0) continue;
      sum += count;
      if (count > max) max = count;
      partnerTotals[partner]! += count;
    }
    if (sum === 0) continue;
    rows += sum;
    agreeing += max;
    values++;
  }
  let partnerValues = 0;
  let partnerMajority = 0;
  for (const total of partnerTotals) {
    if (total > 0) partnerValues++;
    if (total > partnerMajority) partnerMajority = total;
  }
  return { rows, agreeing, values, partnerValues, partnerMajority };
}

/**
 * The determining side fixes the other on enough rows, with enough rows per value to mean it, and
 * does much better than always guessing the other side's most common value.
 */
function determines(d: Direction): boolean {
  const baselineErrors = d.rows - d.partnerMajority;
  return (
    d.values >= 2 &&
    d.partnerValues >= 2 &&
    d.rows >= DEPENDENCY_MIN_ROWS_PER_VALUE * d.values &&
    d.agreeing >= DEPENDENCY_MIN_AGREEMENT * d.rows &&
    d.rows - d.agreeing <= DEPENDENCY_MAX_RESIDUAL_ERROR * baselineErrors
  );
}

function leakWarning(
  column: string,
  target: string,
  towardsTarget: Direction,
  fromTarget: Direction,
): ProfileWarning | null {
  if (!determines(towardsTarget)) return null;
  const where =
    towardsTarget.agreeing === towardsTarget.rows ? 'on every row' : `on ${share(towardsTarget)} of rows`;
  const message = determines(fromTarget)
    ? `“${column}” matches “${target}” ${where}: it is the target under another name; drop it or the model will cheat.`
    : `“${column}” determines “${target}” ${where}: it gives the answer away; drop it or the model will cheat.`;
  return { kind: 'target-leak', column, target, message };
}

function exactness(forward: Direction, backward: Direction): string {
  const worst = forward.agreeing / forward.rows < backward.agreeing / backward.rows ? forward : backward;
  return worst.agreeing === worst.rows ? '' : ` (on ${share(worst)} of rows)`;
}

function share(d: Direction): string {
  // Floor, not round: 99.96% must not read as "100%" next to a claim that it is not every row.
  return `${Math.floor((d.agreeing / d.rows) * 1000) / 10}%`;
}
