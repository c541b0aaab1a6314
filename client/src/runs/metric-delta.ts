/**
 * How a metric moved between two versions ("v7 → v8: F1 +0.021"), and whether that is better:
 * scores (accuracy, F1, R², …) should rise; errors and losses (RMSE, MAE, log loss, …) should fall.
 */
import type { RunMetric } from '../../../shared/api/runs.ts';

export type DeltaDirection = 'better' | 'worse' | 'same';

export interface MetricDelta {
  name: string;
  before: number;
  after: number;
  delta: number;
  direction: DeltaDirection;
  /** "+0.021", "−0.004", "±0" */
  text: string;
}

const LOWER_IS_BETTER = /(error|loss|rmse|mse|mae|mape|deviance|time|duration)/i;

export function lowerIsBetter(name: string): boolean {
  return LOWER_IS_BETTER.test(name);
}

/** People's names for common metric keys; anything else is shown as reported. */
const DISPLAY_NAMES: Record<string, string> = {
  accuracy: 'Accuracy',
  f1: 'F1',
  f1_macro: 'F1 (macro)',
  f1_weighted: 'F1 (weighted)',
  precision: 'Precision',
  precision_macro: 'Precision (macro)',
  recall: 'Recall',
  recall_macro: 'Recall (macro)',
  roc_auc: 'ROC AUC',
  r2: 'R²',
  rmse: 'RMSE',
  mse: 'MSE',
  mae: 'MAE',
  silhouette: 'Silhouette',
};

export function metricLabel(name: string): string {
  return DISPLAY_NAMES[name.toLowerCase()] ?? name;
}

/** Three significant decimals, the sign always shown (a minus sign, not a hyphen). */
export function formatSignedDelta(delta: number): string {
  const rounded = Math.round(delta * 1000) / 1000;
  if (rounded === 0) return '±0';
  const text = Math.abs(rounded).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  return `${rounded > 0 ? '+' : '−'}${text}`;
}

export function formatMetricValue(value: number | null): string {
  if (value === null) return '—';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1000 ? value.toFixed(0) : value.toFixed(3);
}

export function metricDelta(name: string, before: number, after: number): MetricDelta {
  const delta = after - before;
  const text = formatSignedDelta(delta);
  const direction: DeltaDirection =
    text === '±0' ? 'same' : delta > 0 !== lowerIsBetter(name) ? 'better' : 'worse';
  return { name, before, after, delta, direction, text };
}

/** The key value of each metric name (test split preferred, then no split, then any; last step). */
export function keyMetrics(metrics: readonly RunMetric[]): Map<string, number> {
  const rank = (split: string | null) => (split === 'test' ? 0 : split === null ? 1 : 2);
  const chosen = new Map<string, RunMetric>();
  for (const metric of metrics) {
    if (metric.value === null) continue;
    const held = chosen.get(metric.name);
    if (
      !held ||
      rank(metric.split) < rank(held.split) ||
      (rank(metric.split) === rank(held.split) && (metric.step ?? 0) >= (held.step ?? 0))
    ) {
      chosen.set(metric.name, metric);
    }
  }
  return new Map([...chosen].map(([name, metric]) => [name, metric.value ?? 0]));
}

/** Deltas for every metric both versions have, in the order the newer one reported them. */
export function metricDeltas(before: readonly RunMetric[], after: readonly RunMetric[]): MetricDelta[] {
  const old = keyMetrics(before);
  const deltas: MetricDelta[] = [];
  for (const [name, value] of keyMetrics(after)) {
    const previous = old.get(name);
    if (previous !== undefined) deltas.push(metricDelta(name, previous, value));
  }
  return deltas;
}
