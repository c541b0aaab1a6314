/** Warnings a person should see before modelling, derived from the finished column profiles. */
import type { IdPattern } from './column.ts';
import { HEAVY_MISSING_RATIO, HIGH_CARDINALITY, IMBALANCE_RATIO } from './limits.ts';
import type { ColumnProfile, DatasetProfile, ProfileWarning, TargetGuess } from './types.ts';

const ID_REASONS: Record<IdPattern, string> = {
  'integer-sequence': 'unique integers in sequence, like a row number',
  uuid: 'a unique UUID per row',
  'unique-text': 'a different text on every row, like a name or key',
};

export function columnWarnings(
  column: ColumnProfile,
  rows: number,
  idPattern: IdPattern | null,
): ProfileWarning[] {
  const warnings: ProfileWarning[] = [];
  const { name } = column;
  if (rows > 0 && column.distinct.count <= 1) {
    warnings.push({
      kind: 'constant',
      column: name,
      message: `“${name}” has ${column.distinct.count === 0 ? 'no values' : 'a single value'}: it cannot help a model.`,
    });
  }
  if (idPattern !== null) {
    warnings.push({
      kind: 'id-like',
      column: name,
      pattern: idPattern,
      message: `“${name}” looks like an identifier (${ID_REASONS[idPattern]}): a model would memorise it.`,
    });
  }
  if (column.kind === 'text' && column.distinct.count > HIGH_CARDINALITY) {
    warnings.push({
      kind: 'high-cardinality',
      column: name,
      distinct: column.distinct.count,
      message: `“${name}” has ${column.distinct.count.toLocaleString('en-US')} distinct values: one-hot encoding would explode.`,
    });
  }
  const ratio = rows > 0 ? column.missing / rows : 0;
  if (ratio > HEAVY_MISSING_RATIO) {
    warnings.push({
      kind: 'heavy-missing',
      column: name,
      ratio,
      message: `“${name}” is missing in ${Math.round(ratio * 100)}% of rows.`,
    });
  }
  return warnings;
}

export function duplicateWarning(duplicates: DatasetProfile['duplicateRows']): ProfileWarning[] {
  if (duplicates.count === 0) return [];
  const rows = duplicates.count === 1 ? 'row repeats' : 'rows repeat';
  return [
    {
      kind: 'duplicate-rows',
      count: duplicates.count,
      exact: duplicates.exact,
      message: `${duplicates.count.toLocaleString('en-US')} ${rows} an earlier row exactly${duplicates.exact ? '' : ' (among the rows checked)'}: they weigh twice in training and can leak into the test split.`,
    },
  ];
}

export function imbalanceWarning(
  target: TargetGuess | null,
  counts: Iterable<[string, number]> | null,
): ProfileWarning[] {
  if (target?.task !== 'classification' || !counts) return [];
  let minority: [string, number] | null = null;
  let majority = 0;
  for (const entry of counts) {
    if (minority === null || entry[1] < minority[1]) minority = entry;
    if (entry[1] > majority) majority = entry[1];
  }
  if (minority === null || majority === 0) return [];
  const ratio = minority[1] / majority;
  if (ratio >= IMBALANCE_RATIO) return [];
  return [
    {
      kind: 'class-imbalance',
      column: target.column,
      minority: minority[0],
      ratio,
      message: `Class “${minority[0]}” of “${target.column}” has ${minority[1]} rows, ${Math.round(ratio * 100)}% of the largest class: prefer stratified splits and balanced metrics.`,
    },
  ];
}
