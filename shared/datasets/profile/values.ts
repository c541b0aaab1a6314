/** What a single non-missing cell looks like, as pandas' parser and a person would read it. */

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?)$/i;
/** pandas' default true_values/false_values. */
const BOOLEAN = /^(?:True|TRUE|true|False|FALSE|false)$/;
/** ISO dates and date-times, and d/m/y or m/d/y with slashes: enough to call a column "datetime-ish". */
const DATETIME =
  /^(?:\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}\/\d{1,2}\/\d{2,4}(?: \d{1,2}:\d{2}(?::\d{2})?)?)$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export function isInteger(value: string): boolean {
  return INTEGER.test(value);
}

/** The number pandas would parse, or NaN when the cell is not numeric. */
export function parseNumber(value: string): number {
  if (!FLOAT.test(value)) return Number.NaN;
  const lower = value.toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity')) {
    return value.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return Number(value);
}

export function isBoolean(value: string): boolean {
  return value.length <= 5 && BOOLEAN.test(value);
}

export function isDatetime(value: string): boolean {
  return value.length <= 40 && DATETIME.test(value);
}

export function isUuid(value: string): boolean {
  return value.length <= 36 && UUID.test(value);
}
