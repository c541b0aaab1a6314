/**
 * The column picker's logic, pure: which known columns match what is typed (prefix matches
 * first, then the rest in table order), and whether a name is one of them.
 */
import type { ColumnOption } from '../inspector-extensions.ts';

/** At most this many options are listed at once; typing narrows the rest. */
export const MAX_LISTED_COLUMNS = 60;

export interface ColumnMatches {
  shown: ColumnOption[];
  /** Matches left out of `shown` by the limit. */
  more: number;
}

export function matchColumns(
  options: readonly ColumnOption[],
  text: string,
  exclude: readonly string[] = [],
  limit = MAX_LISTED_COLUMNS,
): ColumnMatches {
  const query = text.trim().toLowerCase();
  const excluded = new Set(exclude);
  const prefix: ColumnOption[] = [];
  const inside: ColumnOption[] = [];
  for (const option of options) {
    if (excluded.has(option.name)) continue;
    const name = option.name.toLowerCase();
    if (query === '' || name.startsWith(query)) prefix.push(option);
    else if (name.includes(query)) inside.push(option);
  }
  const all = [...prefix, ...inside];
  return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

/** True only when columns are known and `name` is not among them (unknown columns: never). */
export function isUnknownColumn(name: string, options: readonly ColumnOption[] | null | undefined): boolean {
  if (!options || name === '') return false;
  return !options.some((option) => option.name === name);
}

/** "" or a short dtype hint for an option ("float64" → "float"). */
export function dtypeHint(dtype: string): string {
  if (/^float/i.test(dtype)) return 'float';
  if (/^u?int/i.test(dtype)) return 'int';
  if (/^bool/i.test(dtype)) return 'bool';
  if (/^(object|string|str|category)/i.test(dtype)) return 'text';
  return dtype;
}
