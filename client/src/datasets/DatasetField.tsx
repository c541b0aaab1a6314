/**
 * The CSV node's "Dataset" parameter in the inspector: instead of a raw id, the dataset it reads
 * (name, file, size, rows × columns, a link to its profile) and a choice among the datasets
 * attached to the pipeline. Choosing one writes its id, file name and delimiter as one step.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { FieldShell } from '../panels/fields/FieldShell.tsx';
import type { CustomFieldProps } from '../panels/inspector-extensions.ts';
import { csvNodeParams } from './add-dataset-node.ts';
import { datasetPageHref } from './datasets-api.ts';
import { formatBytes, formatShape } from './format.ts';
import { FileSpreadsheet, Plus } from './icons.ts';
import { ProfileView } from './ProfileView.tsx';

export interface DatasetFieldProps extends CustomFieldProps {
  datasets: readonly DatasetRecord[];
  loading: boolean;
  /** Opens the "Add dataset" dialog (editors only). */
  onAddDataset(): void;
}

export function DatasetField(props: DatasetFieldProps) {
  const [profileOpen, setProfileOpen] = createSignal(false);
  const id = () => (typeof props.value === 'string' ? props.value : '');
  const current = () => props.datasets.find((dataset) => dataset.id === id());
  const problem = () => {
    if (props.loading || current()) return null;
    if (id() === '') return 'Choose the dataset this node reads.';
    return 'This dataset is not attached to the pipeline (or not shared with you). Choose another or add it again.';
  };
  return (
    <FieldShell label={props.def.label} help={props.def.help} error={problem()}>
      {(ids) => (
        <div class="dataset-field">
          <Show when={current()}>
            {(dataset) => (
              <div class="dataset-field__card" data-testid="csv-node-dataset">
                <FileSpreadsheet size={18} aria-hidden="true" />
                <div class="dataset-field__text">
                  <A href={datasetPageHref(dataset().id)} class="dataset-field__name">
                    {dataset().name}
                  </A>
                  <span class="dataset-field__meta">
                    {dataset().fileName} · {formatBytes(dataset().sizeBytes)}
                  </span>
                  <span class="dataset-field__meta">{formatShape(dataset().rows, dataset().columns)}</span>
                </div>
              </div>
            )}
          </Show>
          <Show
            when={props.datasets.length > 0}
            fallback={
              <Show when={!props.loading && !props.readOnly}>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => props.onAddDataset()}
                >
                  <Plus size={14} aria-hidden="true" />
                  Add a dataset to the pipeline
                </button>
              </Show>
            }
          >
            <select
              id={ids.id}
              class="param-input param-select"
              aria-describedby={ids.describedBy()}
              aria-invalid={problem() ? 'true' : undefined}
              disabled={props.readOnly}
              onChange={(event) => {
                const chosen = props.datasets.find((dataset) => dataset.id === event.currentTarget.value);
                if (chosen && chosen.id !== id()) props.commit(csvNodeParams(chosen));
              }}
            >
              <Show when={!current()}>
                <option value="" selected>
                  {id() === '' ? 'Choose a dataset…' : 'Unavailable dataset'}
                </option>
              </Show>
              <For each={props.datasets}>
                {(dataset) => (
                  <option value={dataset.id} selected={dataset.id === id()}>
                    {dataset.name} ({dataset.fileName})
                  </option>
                )}
              </For>
            </select>
          </Show>
          <Show when={current()}>
            {(dataset) => (
              <details
                class="dataset-field__profile"
                onToggle={(event) => setProfileOpen(event.currentTarget.open)}
              >
                <summary>Profile: columns, missing values, distributions</summary>
                {/* Built only when opened: a wide dataset's table is not needed until someone looks. */}
                <Show when={profileOpen()}>
                  <ProfileView
                    profile={dataset().profile}
                    name={dataset().name}
                    sizeBytes={dataset().sizeBytes}
                  />
                </Show>
              </details>
            )}
          </Show>
        </div>
      )}
    </FieldShell>
  );
}
