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
  // Most cells are longer than any NA spelling, or start with a character none starts with:
  // skip the set lookup (which hashes the string) for them.
  const length = value.length;
  if (length === 0) return true;
  if (length > 8) return false;
  switch (value.charCodeAt(0)) {
    case 35 /* # */:
    case 60 /* < */:
    case 78 /* N */:
    case 110 /* n */:
      return PANDAS_NA_VALUES.has(value);
    case 45 /* - */:
      {
        const next = value.charCodeAt(1);
        return (
          (next === 49 /* 1 */ || next === 78 /* N */ || next === 110) /* n */ && PANDAS_NA_VALUES.has(value)
        );
      }
    case 49 /* 1 */:
      return value.charCodeAt(1) === 46 /* . */ && PANDAS_NA_VALUES.has(value);
    default:
      return false;
  }
}
