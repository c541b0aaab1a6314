/**
 * Guessing the column to predict: a conventional target name first (preferring few distinct
 * values, since a named `class` or `species` is a classification target), else the last column,
 * the usual place in shared datasets. Identifier, constant, empty and free-text columns never
 * qualify. The task follows from the column: labels, booleans and small integer codes are
 * classes; other numbers are a regression target.
 */
import { MAX_CLASSES } from './limits.ts';
import type { ColumnProfile, TargetGuess, TaskKind } from './types.ts';

const TARGET_NAMES = new Set([
  'target',
  'label',
  'labels',
  'class',
  'y',
  'outcome',
  'survived',
  'species',
  'churn',
  'price',
]);

const NAMED_CONFIDENCE = 0.8;
const LAST_COLUMN_CONFIDENCE = 0.4;

export function taskFor(column: ColumnProfile): TaskKind | null {
  switch (column.kind) {
    case 'boolean':
    case 'categorical':
      return 'classification';
    case 'integer':
      return column.distinct.count <= MAX_CLASSES ? 'classification' : 'regression';
    case 'float':
      return 'regression';
    case 'datetime':
    case 'text':
    case 'id':
    case 'empty':
      return null;
    default:
      return column.kind satisfies never;
  }
}

/** Whether a header name is one `guessTarget` looks for first (known before any row is read). */
export function isConventionalTargetName(name: string): boolean {
  return TARGET_NAMES.has(normalise(name));
}

export function guessTarget(columns: readonly ColumnProfile[]): TargetGuess | null {
  const usable = columns.filter((column) => column.distinct.count > 1 && taskFor(column) !== null);
  const named = usable
    .filter((column) => isConventionalTargetName(column.name))
    .sort((a, b) => a.distinct.count - b.distinct.count);
  const first = named[0];
  if (first) {
    return {
      column: first.name,
      task: taskFor(first)!,
      reason: `“${first.name}” is a conventional name for the column to predict.`,
      confidence: NAMED_CONFIDENCE,
    };
  }
  const last = columns.at(-1);
  if (last && usable.includes(last)) {
    return {
      column: last.name,
      task: taskFor(last)!,
      reason: `“${last.name}” is the last column, where datasets usually keep the target.`,
      confidence: LAST_COLUMN_CONFIDENCE,
    };
  }
  return null;
}

function normalise(name: string): string {
  return name.trim().toLowerCase();
}
