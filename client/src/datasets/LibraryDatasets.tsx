/**
 * The Datasets section at the top of the component library: the datasets attached to this
 * pipeline (click or Enter adds a CSV node reading it, in the middle of the canvas), "Add
 * dataset…" (pick one of yours or upload a new one), and removing a dataset no node reads any more.
 * Viewers see the list with links to the profiles.
 */
import { A } from '@solidjs/router';
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { DatasetRecord } from '../../../shared/api/datasets.ts';
import { ChevronDown, ChevronRight } from '../canvas/icons.ts';
import { datasetPageHref } from './datasets-api.ts';
import { formatCount } from './format.ts';
import { FileSpreadsheet, Plus, X } from './icons.ts';

export interface LibraryDatasetsProps {
  datasets: readonly DatasetRecord[];
  readOnly: boolean;
  /** How many nodes read each dataset (removal waits until none does). */
  nodesReading(datasetId: string): number;
  onAddNode(dataset: DatasetRecord): void;
  onOpenDialog(): void;
  onDetach(dataset: DatasetRecord): void;
}

export function LibraryDatasets(props: LibraryDatasetsProps) {
  const sectionId = createUniqueId();
  const [open, setOpen] = createSignal(true);
  const meta = (dataset: DatasetRecord) =>
    `${formatCount(dataset.rows)} × ${formatCount(dataset.columns)} · ${dataset.fileName}`;
  return (
    <div class="library-category library-datasets" data-category="data">
      <h3 class="library-category__heading">
        <button
          type="button"
          class="library-category__toggle"
          aria-expanded={open()}
          aria-controls={sectionId}
          onClick={() => setOpen((value) => !value)}
        >
          <Show when={open()} fallback={<ChevronRight size={14} aria-hidden="true" />}>
            <ChevronDown size={14} aria-hidden="true" />
          </Show>
          <span class="library-category__swatch" aria-hidden="true" />
          <span class="library-category__name">Datasets</span>
          <span class="library-category__count">{props.datasets.length}</span>
        </button>
      </h3>
      <ul id={sectionId} class="library-category__items" hidden={!open()}>
        <For each={props.datasets}>
          {(dataset) => (
            <li class="library-item library-dataset" data-category="data">
              <Show
                when={!props.readOnly}
                fallback={
                  <div class="library-item__body">
                    <span class="library-item__icon" aria-hidden="true">
                      <FileSpreadsheet size={16} stroke-width={1.75} />
                    </span>
                    <span class="library-item__text">
                      <A href={datasetPageHref(dataset.id)} class="library-item__label">
                        {dataset.name}
                      </A>
                      <span class="library-item__description">{meta(dataset)}</span>
                    </span>
                  </div>
                }
              >
                <button
                  type="button"
                  class="library-item__body library-item__button library-dataset__add-node"
                  aria-description="Adds a CSV node reading this dataset to the middle of the canvas."
                  title={`Add a CSV node reading ${dataset.name}`}
                  onClick={() => props.onAddNode(dataset)}
                >
                  <span class="library-item__icon" aria-hidden="true">
                    <FileSpreadsheet size={16} stroke-width={1.75} />
                  </span>
                  <span class="library-item__text">
                    <span class="library-item__label">{dataset.name}</span>
                    <span class="library-item__description">{meta(dataset)}</span>
                  </span>
                </button>
                <button
                  type="button"
                  class="icon-button icon-button--small library-dataset__remove"
                  aria-label={`Remove ${dataset.name} from this pipeline`}
                  title={
                    props.nodesReading(dataset.id) > 0
                      ? 'Delete the CSV nodes reading it first'
                      : 'Remove from this pipeline'
                  }
                  disabled={props.nodesReading(dataset.id) > 0}
                  onClick={() => props.onDetach(dataset)}
                >
                  <X size={14} aria-hidden="true" />
                </button>
              </Show>
            </li>
          )}
        </For>
        <Show when={!props.readOnly}>
          <li class="library-item" data-category="data">
            <button
              type="button"
              class="library-item__body library-item__button library-datasets__open"
              onClick={() => props.onOpenDialog()}
            >
              <span class="library-item__icon" aria-hidden="true">
                <Plus size={16} stroke-width={1.75} />
              </span>
              <span class="library-item__text">
                <span class="library-item__label">Add dataset…</span>
                <span class="library-item__description">Pick one of your CSV files or upload a new one</span>
              </span>
            </button>
          </li>
        </Show>
        <Show when={props.readOnly && props.datasets.length === 0}>
          <li class="library-datasets__none">No datasets attached.</li>
        </Show>
      </ul>
    </div>
  );
}
