/**
 * The only way user-controlled values (labels, parameter values, column names, ids) enter
 * generated Python: as literals. Strings follow Python's own `repr` rules, so the output reads
 * like what Python prints and `ast.literal_eval(pyLiteral(x))` gives back exactly `x`, whatever it
 * contains (quotes, backslashes, newlines, NUL, lone surrogates, bidi controls, emoji).
 */
import type { JsonValue } from '../catalog/types.ts';

export interface LiteralHint {
  /** Write whole numbers as floats (`1.0`): for parameters scikit-learn types as float. */
  float?: boolean;
  /** Write arrays as tuples: for parameters scikit-learn validates as tuples. */
  tuple?: boolean;
}

/**
 * Characters Python's `str.isprintable()` rejects, which `repr` escapes: controls (Cc), format
 * characters such as bidi overrides (Cf), surrogates (Cs), private use (Co), unassigned (Cn), and
 * separators other than the plain space (Zl, Zp, Zs).
 */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0');
}

function escapeChar(char: string, quote: string): string {
  if (char === quote || char === '\\') return `\\${char}`;
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  if (char === ' ' || !NON_PRINTABLE.test(char)) return char;
  const codePoint = char.codePointAt(0)!;
  if (codePoint <= 0xff) return `\\x${hex(codePoint, 2)}`;
  if (codePoint <= 0xffff) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

function stringLiteral(value: string): string {
  // Python's choice: single quotes unless the text has a single quote and no double quote.
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let body = '';
  // for…of walks code points; a lone surrogate comes out as one unit and is escaped as \udXXX.
  for (const char of value) body += escapeChar(char, quote);
  return `${quote}${body}${quote}`;
}

function numberLiteral(value: number, hint: LiteralHint): string {
  if (Number.isNaN(value)) return "float('nan')";
  if (value === Number.POSITIVE_INFINITY) return "float('inf')";
  if (value === Number.NEGATIVE_INFINITY) return "-float('inf')";
  if (Object.is(value, -0)) return hint.float ? '-0.0' : '0';
  const text = String(value);
  if (!hint.float || !Number.isInteger(value)) return text;
  // JavaScript writes 1e21 for large whole numbers, already a float in Python.
  return /[e.]/.test(text) ? text : `${text}.0`;
}

/** A Python literal for a JSON value (plus NaN and ±Infinity, which JSON lacks but numbers may hold). */
export function pyLiteral(value: JsonValue, hint: LiteralHint = {}): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberLiteral(value, hint);
  if (typeof value === 'string') return stringLiteral(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => pyLiteral(item, { float: hint.float }));
    if (!hint.tuple) return `[${items.join(', ')}]`;
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  // Keys sorted: replicas may hold an object's keys in different insertion orders.
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${stringLiteral(key)}: ${pyLiteral(value[key]!)}`).join(', ')}}`;
}

/** Longest label kept in a comment; the full text is always available as a literal. */
const COMMENT_TEXT_MAX = 80;

/**
 * Text safe inside a `#` comment: one line, no control or invisible formatting characters (NUL
 * would make the file invalid Python; CR, LS, PS or a bidi override could end or disguise the
 * comment in an editor), shortened.
 */
export function commentText(text: string): string {
  const flat = text
    .replace(/[\p{C}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(flat);
  return chars.length > COMMENT_TEXT_MAX ? `${chars.slice(0, COMMENT_TEXT_MAX - 1).join('')}…` : flat;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Guards the few names that come from catalog data rather than from user input (class, module
 * and function names): they are written as code, so anything unexpected is a bug to stop on.
 */
export function pyIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a Python identifier: ${JSON.stringify(name)}`);
  return name;
}

export function pyModuleName(name: string): string {
  if (!DOTTED_NAME.test(name)) throw new Error(`Not a Python module name: ${JSON.stringify(name)}`);
  return name;
}
