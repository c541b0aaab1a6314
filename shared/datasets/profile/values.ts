/**
 * What a single non-missing cell looks like, as pandas' parser and a person would read it.
 *
 * The profiler calls these on every cell, so the common ones are hand-written scanners rather than
 * regular expressions; each accepts exactly what the regular expression in its comment accepts
 * (test/shared/datasets-profile.test.ts and the pandas comparisons rely on it).
 */

/** ISO dates and date-times, and d/m/y or m/d/y with slashes: enough to call a column "datetime-ish". */
const DATETIME =
  /^(?:\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{2,4}(?: \d{1,2}:\d{2}(?::\d{2})?)?)$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Exact powers of ten: every one up to 1e22 is a double without rounding. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** `/^[+-]?\d+$/` */
export function isInteger(value: string): boolean {
  const n = value.length;
  let i = 0;
  if (n > 0) {
    const c = value.charCodeAt(0);
    if (c === PLUS || c === MINUS) i = 1;
  }
  if (i === n) return false;
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/**
 * Whether the last `parseNumber` that returned a number read an integer (`/^[+-]?\d+$/`): saves
 * scanning the cell a second time for `isInteger`.
 */
export let lastNumberWasInteger = false;

/**
 * The number pandas would parse, or NaN when the cell is not numeric: cells that match
 * `/^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?)$/i`, read as
 * `Number(value)` reads them (±Infinity for the inf spellings).
 *
 * Up to 15 digits with a decimal exponent within ±22, the value is computed here as an exact
 * integer times or divided by an exact power of ten: one correctly rounded operation, so the same
 * double as `Number(value)` (Clinger's fast path); anything else goes to `Number(value)`.
 */
export function parseNumber(value: string): number {
  lastNumberWasInteger = false;
  const n = value.length;
  let i = 0;
  let c = n > 0 ? value.charCodeAt(0) : 0;
  const negative = c === MINUS;
  if (negative || c === PLUS) i = 1;
  const digitsStart = i;
  let mantissa = 0;
  for (; i < n; i++) {
    c = value.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    mantissa = mantissa * 10 + (c - ZERO);
  }
  let digits = i - digitsStart;
  let fraction = 0;
  let dot = false;
  if (i < n && value.charCodeAt(i) === DOT) {
    dot = true;
    i++;
    const fractionStart = i;
    for (; i < n; i++) {
      c = value.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      mantissa = mantissa * 10 + (c - ZERO);
    }
    fraction = i - fractionStart;
    digits += fraction;
  }
  if (digits === 0) return dot ? Number.NaN : infinity(value, digitsStart, negative);
  let exponent = 0;
  let hasExponent = false;
  if (i < n && (value.charCodeAt(i) | 32) === 101 /* e or E */) {
    hasExponent = true;
    i++;
    let exponentNegative = false;
    if (i < n) {
      c = value.charCodeAt(i);
      if (c === PLUS || c === MINUS) {
        exponentNegative = c === MINUS;
        i++;
      }
    }
    const exponentStart = i;
    for (; i < n; i++) {
      c = value.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      if (exponent < 100_000) exponent = exponent * 10 + (c - ZERO);
    }
    if (i === exponentStart) return Number.NaN;
    if (exponentNegative) exponent = -exponent;
  }
  if (i !== n) return Number.NaN;
  lastNumberWasInteger = !dot && !hasExponent;
  if (digits > 15) return Number(value);
  const scale = exponent - fraction;
  let result: number;
  if (scale === 0) result = mantissa;
  else if (scale < 0 && scale >= -22) result = mantissa / POW10[-scale]!;
  else if (scale > 0 && scale <= 22) result = mantissa * POW10[scale]!;
  else return Number(value);
  return negative ? -result : result;
}

/** `inf` or `infinity` in any case after the optional sign, else NaN. */
function infinity(value: string, start: number, negative: boolean): number {
  const rest = value.length - start;
  if (rest !== 3 && rest !== 8) return Number.NaN;
  const word = value.slice(start).toLowerCase();
  if (word !== 'inf' && word !== 'infinity') return Number.NaN;
  return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** pandas' default true_values/false_values: `/^(?:True|TRUE|true|False|FALSE|false)$/`. */
export function isBoolean(value: string): boolean {
  switch (value.length) {
    case 4:
      return value === 'True' || value === 'true' || value === 'TRUE';
    case 5:
      return value === 'False' || value === 'false' || value === 'FALSE';
    default:
      return false;
  }
}

export function isDatetime(value: string): boolean {
  // Fast path for the commonest spelling, YYYY-MM-DD (which DATETIME accepts); the rest goes to it.
  if (value.length === 10 && isIsoDate(value)) return true;
  return value.length <= 40 && DATETIME.test(value);
}

function isIsoDate(value: string): boolean {
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== MINUS : c < ZERO || c > NINE) return false;
  }
  return true;
}

export function isUuid(value: string): boolean {
  return value.length <= 36 && UUID.test(value);
}
