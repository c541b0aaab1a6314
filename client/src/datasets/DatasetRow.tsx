/** One dataset in the table: name (link or rename field) and file, shape, size, owner, use, age, actions. */
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { InlineRename } from '../dashboard/InlineRename.tsx';
import { RelativeTime } from '../dashboard/RelativeTime.tsx';
import { datasetNameError } from './dataset-name.ts';
import { datasetDownloadUrl, datasetPageHref, ownsDataset } from './datasets-api.ts';
import { formatBytes, formatCount } from './format.ts';
import { Download, Pencil, Trash } from './icons.ts';
import { PipelineLinks } from './PipelineLinks.tsx';

export interface DatasetRowProps {
  dataset: DatasetSummary;
  now: Date;
  onRename(dataset: DatasetSummary, name: string): Promise<void>;
  onDelete(dataset: DatasetSummary): void;
}

export function DatasetRow(props: DatasetRowProps) {
  const [editing, setEditing] = createSignal(false);
  let renameButton: HTMLButtonElement | undefined;
  const stopEditing = () => {
    setEditing(false);
    renameButton?.focus();
  };
  const d = () => props.dataset;
  return (
    <tr class="dataset-row">
      <td class="dataset-row__name">
        <Show
          when={editing()}
          fallback={
            <A href={datasetPageHref(d().id)} class="dataset-row__link">
              {d().name}
            </A>
          }
        >
          <InlineRename
            name={d().name}
            validate={datasetNameError}
            onSave={async (name) => {
              await props.onRename(d(), name);
              stopEditing();
            }}
            onCancel={stopEditing}
          />
        </Show>
        <span class="dataset-row__file" title={d().fileName}>
          {d().fileName}
        </span>
      </td>
      <td class="dataset-row__number">
        {formatCount(d().rows)} × {formatCount(d().columns)}
      </td>
      <td class="dataset-row__number">{formatBytes(d().sizeBytes)}</td>
      <td>
        <Show
          when={ownsDataset(d())}
          fallback={
            <span class="dataset-owner" title="Shared with you through a pipeline">
              <span class="badge badge--viewer">Shared</span> by {d().owner.username}
            </span>
          }
        >
          <span class="badge badge--owner">Yours</span>
        </Show>
      </td>
      <td class="dataset-row__pipelines">
        <PipelineLinks pipelines={d().pipelines} />
      </td>
      <td class="dataset-row__time">
        <RelativeTime iso={d().createdAt} now={props.now} />
      </td>
      <td class="dataset-row__actions">
        <a
          class="icon-button"
          href={datasetDownloadUrl(d().id)}
          download={d().fileName}
          aria-label={`Download ${d().name}`}
          title="Download"
        >
          <Download size={16} aria-hidden="true" />
        </a>
        <Show when={ownsDataset(d())}>
          <button
            ref={renameButton}
            type="button"
            class="icon-button"
            aria-label={`Rename ${d().name}`}
            title="Rename"
            disabled={editing()}
            onClick={() => setEditing(true)}
          >
            <Pencil size={16} aria-hidden="true" />
          </button>
          <button
            type="button"
            class="icon-button icon-button--danger"
            aria-label={`Delete ${d().name}`}
            title="Delete"
            onClick={() => props.onDelete(d())}
          >
            <Trash size={16} aria-hidden="true" />
          </button>
        </Show>
      </td>
    </tr>
  );
}
