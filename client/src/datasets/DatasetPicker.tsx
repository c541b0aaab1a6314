/**
 * The caller's datasets, searchable, each with "Add": what the "Add dataset" dialog offers to
 * attach. Datasets already attached say so (adding one again adds another node reading it).
 */
import { createResource, createSignal, createUniqueId, For, Match, onCleanup, Switch } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { describeError } from '../api/errors.ts';
import { Spinner } from '../components/Spinner.tsx';
import { makeDebounced } from '../lib/debounce.ts';
import type { DatasetsApi } from './datasets-api.ts';
import { formatBytes, formatCount } from './format.ts';
import { FileSpreadsheet, Search } from './icons.ts';

export interface DatasetPickerProps {
  api: Pick<DatasetsApi, 'list'>;
  attachedIds: ReadonlySet<string>;
  /** The dataset being added, if any (its button shows progress, the others wait). */
  adding: string | null;
  onPick(dataset: DatasetSummary): void;
}

const PICKER_LIMIT = 50;

export function DatasetPicker(props: DatasetPickerProps) {
  const searchId = createUniqueId();
  const [query, setQuery] = createSignal('');
  const search = makeDebounced(setQuery, 200);
  onCleanup(() => search.cancel());
  const [list] = createResource(query, (q) => props.api.list({ q: q || undefined, limit: PICKER_LIMIT }));
  return (
    <section class="dataset-picker" aria-labelledby={`${searchId}-title`}>
      <h3 id={`${searchId}-title`} class="dataset-picker__title">
        Your datasets
      </h3>
      <div class="column-table__filter dataset-picker__search">
        <Search size={14} aria-hidden="true" />
        <label class="visually-hidden" for={searchId}>
          Search your datasets
        </label>
        <input
          id={searchId}
          class="input input--compact"
          type="search"
          placeholder="Search your datasets"
          onInput={(event) => search(event.currentTarget.value.trim())}
        />
      </div>
      <Switch>
        <Match when={list.error}>
          <p class="field__error" role="alert">
            {describeError(list.error)}
          </p>
        </Match>
        <Match when={list.latest === undefined}>
          <p class="dataset-picker__empty" role="status">
            <Spinner /> Loading your datasets…
          </p>
        </Match>
        <Match when={list.latest?.datasets.length === 0}>
          <p class="dataset-picker__empty">
            {query() ? `No dataset matches “${query()}”.` : 'No datasets yet: upload a CSV above.'}
          </p>
        </Match>
        <Match when={list.latest}>
          {(page) => (
            <ul class="dataset-picker__list" aria-busy={list.loading ? 'true' : undefined}>
              <For each={page().datasets}>
                {(dataset) => (
                  <li class="dataset-picker__item">
                    <FileSpreadsheet size={16} aria-hidden="true" />
                    <span class="dataset-picker__text">
                      <span class="dataset-picker__name">{dataset.name}</span>
                      <span class="dataset-picker__meta">
                        {dataset.fileName} · {formatCount(dataset.rows)} × {formatCount(dataset.columns)} ·{' '}
                        {formatBytes(dataset.sizeBytes)}
                        {props.attachedIds.has(dataset.id) ? ' · attached' : ''}
                      </span>
                    </span>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-label={`Add ${dataset.name}`}
                      disabled={props.adding !== null}
                      aria-busy={props.adding === dataset.id ? 'true' : undefined}
                      onClick={() => props.onPick(dataset)}
                    >
                      {props.adding === dataset.id ? <Spinner /> : 'Add'}
                    </button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}
