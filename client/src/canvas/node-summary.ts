/**
 * The compact parameter summary on a node card: which parameters are worth a line, and how their
 * values read at a glance. Parameters someone changed come first (they are what makes this node
 * different from a fresh one), then required ones, then the rest in catalog order.
 */
import type { ComponentDef, JsonValue, ParamDef } from '../../../shared/catalog/types.ts';
import { jsonEquals } from '../../../shared/doc/json.ts';
import { SUMMARY_MAX_LINES } from './controllers/node-layout.ts';

export interface SummaryLine {
  name: string;
  label: string;
  value: string;
  changed: boolean;
}

/** How many summary lines a card of this component shows; fixed per component so height is too. */
export function summaryLineCount(def: ComponentDef | undefined): number {
  return Math.min(SUMMARY_MAX_LINES, def?.params.length ?? 0);
}

export function summarizeParams(
  def: ComponentDef | undefined,
  params: Readonly<Record<string, JsonValue>>,
): SummaryLine[] {
  if (!def) return [];
  const scored = def.params.map((p, index) => {
    const value = p.name in params ? params[p.name] : p.default;
    const changed = !jsonEquals(value, p.default);
    return { p, index, value, changed, rank: changed ? 0 : p.required ? 1 : 2 };
  });
  scored.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return scored.slice(0, summaryLineCount(def)).map(({ p, value, changed }) => ({
    name: p.name,
    label: p.label,
    value: formatValue(p, value),
    changed,
  }));
}

const MAX_VALUE_CHARS = 28;

export function formatValue(def: Pick<ParamDef, 'kind'>, value: JsonValue): string {
  let text: string;
  if (value === null) text = 'None';
  else if (typeof value === 'boolean') text = value ? 'Yes' : 'No';
  else if (typeof value === 'number') text = formatNumber(value);
  else if (typeof value === 'string') text = value === '' ? '—' : value;
  else if (Array.isArray(value))
    text =
      value.length === 0 ? '—' : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  else text = JSON.stringify(value);
  if (def.kind === 'columns' && Array.isArray(value) && value.length > 2) text = `${value.length} columns`;
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return n.toExponential(2);
  return String(Number(n.toPrecision(4)));
}
