/** One column of a profile as a table row: name and kind, dtype, missing, distinct, stats, distribution. */
import { Match, Show, Switch } from 'solid-js';
import type { ColumnProfile } from '../../../shared/datasets/profile/index.ts';
import { ColumnStats } from './ColumnStats.tsx';
import { KIND_HINTS, KIND_LABELS } from './column-kinds.ts';
import { formatCount } from './format.ts';
import { Histogram } from './Histogram.tsx';
import { MissingCell } from './MissingCell.tsx';
import { TopValues } from './TopValues.tsx';

export interface ColumnRowProps {
  column: ColumnProfile;
  rows: number;
  isTarget: boolean;
}

export function ColumnRow(props: ColumnRowProps) {
  const c = () => props.column;
  return (
    <tr class="column-row" data-kind={c().kind}>
      <th scope="row" class="column-row__name">
        <span class="column-row__title" title={c().name}>
          {c().name}
        </span>
        <span class="column-row__badges">
          <span class="kind-badge" data-kind={c().kind} title={KIND_HINTS[c().kind]}>
            {KIND_LABELS[c().kind]}
          </span>
          <Show when={props.isTarget}>
            <span class="kind-badge kind-badge--target" title="The likely target column">
              target
            </span>
          </Show>
        </span>
      </th>
      <td class="column-row__dtype">
        <code>{c().dtype}</code>
      </td>
      <td>
        <MissingCell missing={c().missing} rows={props.rows} />
      </td>
      <td class="column-row__number" title={c().distinct.exact ? undefined : 'Estimated (HyperLogLog)'}>
        {c().distinct.exact ? '' : '≈'}
        {formatCount(c().distinct.count)}
      </td>
      <td>
        <Show when={c().numeric} fallback={<span class="column-row__none">—</span>}>
          {(numeric) => <ColumnStats numeric={numeric()} />}
        </Show>
      </td>
      <td class="column-row__chart">
        <Switch fallback={<span class="column-row__none">—</span>}>
          <Match when={c().numeric && c().numeric!.histogram.counts.length > 0 && c().kind !== 'boolean'}>
            <Histogram column={c().name} histogram={c().numeric!.histogram} />
          </Match>
          <Match when={c().top.length > 0}>
            <TopValues column={c().name} values={c().top} rows={props.rows} distinct={c().distinct.count} />
          </Match>
        </Switch>
      </td>
    </tr>
  );
}
