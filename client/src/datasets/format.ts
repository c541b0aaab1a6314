/** Numbers of the datasets UI as people read them: sizes, counts, shares, statistics. */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 13_812 → "13.5 KB" (binary steps, one decimal below 100). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  return `${value < 100 ? value.toFixed(1) : Math.round(value)} ${BYTE_UNITS[unit]}`;
}

const counts = new Intl.NumberFormat('en-US');

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** "344 rows × 7 columns" (singulars where they apply). */
export function formatShape(rows: number, columns: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} × ${formatCount(columns)} ${columns === 1 ? 'column' : 'columns'}`;
}

/** 0.0058 → "0.6%", 0 → "0%", tiny but non-zero → "<0.1%". */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction) || fraction <= 0) return '0%';
  const percent = fraction * 100;
  if (percent < 0.1) return '<0.1%';
  if (percent >= 99.95 && fraction < 1) return '>99.9%';
  return `${percent < 10 ? percent.toFixed(1).replace(/\.0$/, '') : Math.round(percent)}%`;
}

/** A statistic with about four significant digits, without exponent noise for ordinary values. */
export function formatStat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) return value.toExponential(2);
  if (Number.isInteger(value)) return counts.format(value);
  const digits = Math.max(0, 3 - Math.floor(Math.log10(magnitude)));
  return Number(value.toFixed(Math.min(digits, 6))).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma (,)',
  ';': 'semicolon (;)',
  '\t': 'tab',
  '|': 'pipe (|)',
};

export function formatDelimiter(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter);
}
