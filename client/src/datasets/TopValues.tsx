/**
 * The most frequent values of a categorical column as small horizontal bars (share of all rows),
 * with how many other values there are. The bars are one image for screen readers, named by a
 * sentence listing the values and their shares.
 */
import { For, Show } from 'solid-js';
import type { TopValue } from '../../../shared/datasets/profile/index.ts';
import { formatCount, formatPercent } from './format.ts';

export interface TopValuesProps {
  column: string;
  values: readonly TopValue[];
  /** All rows of the dataset (missing cells included), the base of the shares. */
  rows: number;
  distinct: number;
  /** How many bars to draw. */
  limit?: number;
}

export const TOP_VALUES_SHOWN = 3;

export function describeTopValues(column: string, values: readonly TopValue[], rows: number): string {
  if (values.length === 0) return `Top values of ${column}: none`;
  const parts = values.map(
    (value) =>
      `${value.value || '(empty)'} ${formatCount(value.count)} (${formatPercent(value.count / Math.max(1, rows))})`,
  );
  return `Top values of ${column}: ${parts.join(', ')}`;
}

export function TopValues(props: TopValuesProps) {
  const shown = () => props.values.slice(0, props.limit ?? TOP_VALUES_SHOWN);
  const others = () => Math.max(0, props.distinct - shown().length);
  return (
    <div class="top-values" role="img" aria-label={describeTopValues(props.column, shown(), props.rows)}>
      <For each={shown()}>
        {(value) => {
          const share = () => value.count / Math.max(1, props.rows);
          return (
            <div class="top-values__row" aria-hidden="true" style={{ '--share': `${share() * 100}%` }}>
              <span class="top-values__label" title={value.value}>
                {value.value || '(empty)'}
              </span>
              <span class="top-values__track">
                <span class="top-values__bar" style={{ width: `${Math.max(2, share() * 100)}%` }} />
              </span>
              <span class="top-values__share">{formatPercent(share())}</span>
            </div>
          );
        }}
      </For>
      <Show when={others() > 0}>
        <span class="top-values__more" aria-hidden="true">
          +{formatCount(others())} more
        </span>
      </Show>
    </div>
  );
}
