/**
 * Strings pandas reads as missing by default (`pandas._libs.parsers.STR_NA_VALUES`, pandas 1.5,
 * the version the runner uses). pandas 2.0 added "None"; it is left out on purpose so the profile
 * matches what the generated `pd.read_csv` sees on the runner. Matching is exact (no trimming),
 * like pandas' C parser.
 */
export const PANDAS_NA_VALUES: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'n/a',
  'nan',
  'null',
]);

export function isMissing(value: string): boolean {
  // Most cells are longer than any NA spelling: skip the set lookup for them.
  return value.length <= 8 && PANDAS_NA_VALUES.has(value);
}
