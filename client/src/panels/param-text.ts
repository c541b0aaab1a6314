/**
 * Turning what a person typed into a parameter value, and a value back into text. Parsing says
 * why text is not a value ("not a number"); `checkParamValue` (shared/analysis, the same check the
 * Problems list runs) says why a value is not acceptable ("must be at least 1").
 */
import { checkParamValue } from '../../../shared/analysis/param-values.ts';
import type { JsonValue, ParamDef } from '../../../shared/catalog/types.ts';

export type Parsed = { ok: true; value: JsonValue } | { ok: false; error: string };

export function formatParam(def: ParamDef, value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (def.kind === 'json') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return String(value);
}

export function parseParam(def: ParamDef, text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '' && (def.nullable || def.kind === 'int' || def.kind === 'float' || def.kind === 'json')) {
    return def.nullable ? { ok: true, value: null } : { ok: false, error: 'Enter a value' };
  }
  switch (def.kind) {
    case 'int':
    case 'float': {
      const n = Number(trimmed);
      if (!Number.isFinite(n)) return { ok: false, error: 'Enter a number' };
      if (def.kind === 'int' && !Number.isInteger(n)) return { ok: false, error: 'Enter a whole number' };
      return { ok: true, value: n };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(trimmed) as JsonValue };
      } catch {
        return { ok: false, error: 'This is not valid JSON (e.g. [100, 50] or {"a": 1})' };
      }
    default:
      return { ok: true, value: text };
  }
}

/** A person-facing sentence for an unacceptable value, or null. */
export function valueError(def: ParamDef, value: JsonValue | undefined): string | null {
  const issue = checkParamValue(def, value);
  if (!issue) return null;
  const text = issue.message;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Parse, then check: the error to show for some typed text, or the value to write. */
export function evaluateText(def: ParamDef, text: string): Parsed {
  const parsed = parseParam(def, text);
  if (!parsed.ok) return parsed;
  const error = valueError(def, parsed.value);
  return error ? { ok: false, error } : parsed;
}
