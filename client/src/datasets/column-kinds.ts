/** How a column kind reads in the UI, and a one-line description for its badge's tooltip. */
import type { ColumnKind } from '../../../shared/datasets/profile/index.ts';

export const KIND_LABELS: Record<ColumnKind, string> = {
  integer: 'Integer',
  float: 'Float',
  boolean: 'Boolean',
  datetime: 'Date/time',
  categorical: 'Categorical',
  text: 'Text',
  id: 'ID',
  empty: 'Empty',
};

export const KIND_HINTS: Record<ColumnKind, string> = {
  integer: 'Whole numbers',
  float: 'Numbers with decimals',
  boolean: 'True/false values',
  datetime: 'Dates or times (read as text by pandas unless parsed)',
  categorical: 'A small set of repeated values',
  text: 'Free text with many different values',
  id: 'An identifier: unique per row, no use as a feature',
  empty: 'No values at all',
};
