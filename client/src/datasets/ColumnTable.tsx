/**
 * Every column of a profile in one table, with a name filter once there are many. Rows outside
 * the viewport skip layout and paint (`content-visibility: auto` in CSS), so a 300-column profile
 * opens as fast as a 10-column one.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { DatasetProfile } from '../../../shared/datasets/profile/index.ts';
import { ColumnRow } from './ColumnRow.tsx';
import { formatCount } from './format.ts';
import { Search } from './icons.ts';

/** Above this many columns the table gets a filter field. */
export const COLUMN_FILTER_FROM = 12;

export function ColumnTable(props: { profile: DatasetProfile; caption: string }) {
  const filterId = createUniqueId();
  const [filter, setFilter] = createSignal('');
  const shown = createMemo(() => {
    const text = filter().trim().toLowerCase();
    if (!text) return props.profile.columns;
    return props.profile.columns.filter((column) => column.name.toLowerCase().includes(text));
  });
  const target = () => props.profile.target?.column;
  return (
    <section class="column-table" aria-labelledby={`${filterId}-heading`}>
      <div class="column-table__head">
        <h2 id={`${filterId}-heading`} class="profile-section__title">
          Columns <span class="profile-section__count">{formatCount(props.profile.columns.length)}</span>
        </h2>
        <Show when={props.profile.columns.length > COLUMN_FILTER_FROM}>
          <div class="column-table__filter">
            <Search size={14} aria-hidden="true" />
            <label class="visually-hidden" for={filterId}>
              Filter columns
            </label>
            <input
              id={filterId}
              class="input input--compact"
              type="search"
              placeholder="Filter columns"
              value={filter()}
              onInput={(event) => setFilter(event.currentTarget.value)}
            />
          </div>
        </Show>
      </div>
      <div class="column-table__scroll">
        <table class="column-table__table">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">dtype</th>
              <th scope="col">Missing</th>
              <th scope="col">Distinct</th>
              <th scope="col">Statistics</th>
              <th scope="col">Distribution</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(column) => (
                <ColumnRow column={column} rows={props.profile.rows} isTarget={column.name === target()} />
              )}
            </For>
          </tbody>
        </table>
        <Show when={shown().length === 0}>
          <p class="column-table__none" role="status">
            No column matches “{filter()}”.
          </p>
        </Show>
      </div>
    </section>
  );
}
