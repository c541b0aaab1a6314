/** min / mean / median / max / std of a numeric column as a compact definition list. */
import { For } from 'solid-js';
import type { NumericSummary } from '../../../shared/datasets/profile/index.ts';
import { formatStat } from './format.ts';

export function ColumnStats(props: { numeric: NumericSummary }) {
  const items = () => [
    { term: 'min', value: props.numeric.min },
    { term: 'mean', value: props.numeric.mean },
    { term: 'median', value: props.numeric.p50, approximate: !props.numeric.exactQuantiles },
    { term: 'max', value: props.numeric.max },
    { term: 'std', value: props.numeric.std },
  ];
  return (
    <dl class="column-stats">
      <For each={items()}>
        {(item) => (
          <div class="column-stats__item">
            <dt>{item.term}</dt>
            <dd title={item.approximate ? 'Estimated from a sample of the rows' : undefined}>
              {item.approximate ? '≈' : ''}
              {formatStat(item.value)}
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}
