/** Missing cells of a column: count, share, and a small bar (empty when nothing is missing). */
import { Show } from 'solid-js';
import { formatCount, formatPercent } from './format.ts';

export function MissingCell(props: { missing: number; rows: number }) {
  const share = () => (props.rows > 0 ? props.missing / props.rows : 0);
  return (
    <div class="missing-cell" classList={{ 'missing-cell--none': props.missing === 0 }}>
      <span class="missing-cell__text">
        {formatCount(props.missing)}
        <Show when={props.missing > 0}>
          <span class="missing-cell__share"> · {formatPercent(share())}</span>
        </Show>
      </span>
      <span class="missing-cell__track" role="img" aria-label={`${formatPercent(share())} missing`}>
        <span
          class="missing-cell__bar"
          style={{ width: `${share() > 0 ? Math.max(3, share() * 100) : 0}%` }}
        />
      </span>
    </div>
  );
}
