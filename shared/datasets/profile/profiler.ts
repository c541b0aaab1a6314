/**
 * Streaming profiler: takes the header once, then rows one at a time, and keeps a fixed amount of
 * state per column (see limits.ts) plus a bounded set of row hashes for duplicates.
 */

import type { TextEncodingName } from '../csv/decoder.ts';
import type { Delimiter } from '../csv/delimiter.ts';
import { ColumnAccumulator } from './column.ts';
import { DependencyTracker } from './dependencies.ts';
import { hashFields } from './hash.ts';
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
  const rowHashes = new Set<number>();
  let duplicates = 0;

  return {
    header(columns, chosen) {
      accumulators = columns.map((name) => new ColumnAccumulator(name));
      // The target is guessed from the finished profile, but only among these: named ones, or the last.
      const candidates = columns.flatMap((name, i) => (isConventionalTargetName(name) ? [i] : []));
      dependencies = new DependencyTracker(columns, [...candidates, columns.length - 1]);
      delimiter = chosen;
    },
    row(fields) {
      rows++;
      for (let i = 0; i < accumulators.length; i++) accumulators[i]!.add(fields[i] ?? '');
      dependencies?.row(fields);
      if (rows <= DUPLICATE_ROWS_CAP) {
        const hash = hashFields(fields, isMissing);
        if (rowHashes.has(hash)) duplicates++;
        else rowHashes.add(hash);
      }
    },
    finish(encoding) {
      const summaries = accumulators.map((column) => column.summarise(rows));
      const columns = summaries.map((summary) => summary.profile);
      const target = guessTarget(columns);
      const targetIndex = target ? columns.findIndex((column) => column.name === target.column) : -1;
      const duplicateRows = { count: duplicates, exact: rows <= DUPLICATE_ROWS_CAP };
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
