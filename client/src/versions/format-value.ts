/** A parameter value as a short, readable chip text ("—" for a side that does not set it). */
import type { JsonValue } from '../../../shared/catalog/types.ts';

const MAX_CHARS = 28;

export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
