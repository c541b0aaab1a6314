/**
 * Streaming profiler: takes the header once, then rows one at a time, and keeps a fixed amount of
 * state per column (see limits.ts) plus a bounded set of row hashes for duplicates.
 */

import type { TextEncodingName } from '../csv/decoder.ts';
import type { Delimiter } from '../csv/delimiter.ts';
import { ColumnAccumulator } from './column.ts';
import { DependencyTracker } from './dependencies.ts';
import { hashFieldsInto, hashHigh, hashLow, RepeatCounter } from './hash.ts';
import { DUPLICATE_ROWS_CAP } from './limits.ts';
import { isMissing } from './na-values.ts';
import { guessTarget, isConventionalTargetName } from './target.ts';
import { type DatasetProfile, PROFILE_VERSION } from './types.ts';
import { columnWarnings, duplicateWarning, imbalanceWarning } from './warnings.ts';

export interface Profiler {
  header(columns: readonly string[], delimiter: Delimiter): void;
  row(fields: readonly string[]): void;
  finish(encoding: TextEncodingName | null): DatasetProfile;
}

export function createProfiler(): Profiler {
  let accumulators: ColumnAccumulator[] = [];
  let dependencies: DependencyTracker | null = null;
  let delimiter: Delimiter = ',';
  let rows = 0;
  const rowHashes = new RepeatCounter();
  /** Per row: 1 where the cell is an NA spelling (checked once, read by all three consumers). */
  let missing = new Uint8Array(0);
  /** Per row: each cell's entry in its column's value counter (lets the dependency tracker skip a lookup). */
  let entries = new Int32Array(0);

  return {
    header(columns, chosen) {
      accumulators = columns.map((name) => new ColumnAccumulator(name));
      missing = new Uint8Array(columns.length);
      entries = new Int32Array(columns.length);
      // The target is guessed from the finished profile, but only among these: named ones, or the last.
      const candidates = columns.flatMap((name, i) => (isConventionalTargetName(name) ? [i] : []));
      dependencies = new DependencyTracker(columns, [...candidates, columns.length - 1]);
      delimiter = chosen;
    },
    row(fields) {
      rows++;
      for (let i = 0; i < accumulators.length; i++) {
        const cell = fields[i] ?? '';
        const absent = isMissing(cell);
        missing[i] = absent ? 1 : 0;
        entries[i] = accumulators[i]!.add(cell, absent);
      }
      dependencies?.row(fields, missing, entries);
      if (rows <= DUPLICATE_ROWS_CAP) {
        hashFieldsInto(fields, missing, isMissing);
        rowHashes.add(hashLow, hashHigh);
      }
    },
    finish(encoding) {
      const summaries = accumulators.map((column) => column.summarise(rows));
      const columns = summaries.map((summary) => summary.profile);
      const target = guessTarget(columns);
      const targetIndex = target ? columns.findIndex((column) => column.name === target.column) : -1;
      const duplicateRows = { count: rowHashes.count(), exact: rows <= DUPLICATE_ROWS_CAP };
      return {
        version: PROFILE_VERSION,
        rows,
        columns,
        delimiter,
        encoding,
        duplicateRows,
        target,
        warnings: [
          ...summaries.flatMap((summary) => columnWarnings(summary.profile, rows, summary.idPattern)),
          ...duplicateWarning(duplicateRows),
          ...imbalanceWarning(
            target,
            targetIndex >= 0 && columns[targetIndex]!.topExact
              ? accumulators[targetIndex]!.valueCounts()
              : null,
          ),
          ...(dependencies?.warnings(target?.column ?? null) ?? []),
        ],
      };
    },
  };
}
