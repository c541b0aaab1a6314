/**
 * "Add dataset": upload a new CSV to this pipeline (drop it on the dialog or choose it; progress,
 * Cancel and errors as on the Datasets page) or pick one of your datasets. Either way the dataset
 * is attached to the pipeline and `onAdded` receives its record, which the builder turns into a
 * CSV node in the middle of the canvas.
 */
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { DatasetRecord, DatasetSummary } from '../../../shared/api/datasets.ts';
import { describeError } from '../api/errors.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { createFileDrop } from './create-file-drop.ts';
import { createUploads, type Uploads } from './create-uploads.ts';
import { DatasetPicker } from './DatasetPicker.tsx';
import type { DatasetsApi } from './datasets-api.ts';
import { UploadButton } from './UploadButton.tsx';
import { UploadList } from './UploadList.tsx';

export interface AddDatasetDialogProps {
  open: boolean;
  api: Pick<DatasetsApi, 'list' | 'attach'>;
  pipelineId: string;
  attachedIds: ReadonlySet<string>;
  onClose(): void;
  onAdded(dataset: DatasetRecord): void;
}

function AddDatasetBody(props: AddDatasetDialogProps & { uploads: Uploads }) {
  const [adding, setAdding] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string>();
  let zone: HTMLDivElement | undefined;
  const uploads = props.uploads;
  const upload = (files: File[]) => {
    for (const file of files) uploads.start(file, { pipelineId: props.pipelineId });
  };
  const drop = createFileDrop({ target: () => zone, onFiles: upload });

  const pick = async (dataset: DatasetSummary) => {
    setAdding(dataset.id);
    setError(undefined);
    try {
      props.onAdded(await props.api.attach(props.pipelineId, dataset.id));
    } catch (failure) {
      setError(`Could not add “${dataset.name}”: ${describeError(failure)}`);
    } finally {
      setAdding(null);
    }
  };

  return (
    <div class="dialog__body add-dataset">
      <FormAlert message={error()} />
      <div ref={zone} class="add-dataset__drop" classList={{ 'add-dataset__drop--active': drop.dragging() }}>
        <p>Drop a CSV file here, or</p>
        <UploadButton onFiles={upload} label="Upload a CSV" variant="secondary" />
      </div>
      <UploadList uploads={uploads} hideProfileLink />
      <Show when={!uploads.busy()}>
        <DatasetPicker api={props.api} attachedIds={props.attachedIds} adding={adding()} onPick={pick} />
      </Show>
    </div>
  );
}

export function AddDatasetDialog(props: AddDatasetDialogProps) {
  // Outside the dialog's content, which mounts fresh on every opening; while a file uploads the
  // dialog stays open (its card has Cancel), so an upload is never dropped by a stray Escape.
  const uploads = createUploads({ onUploaded: (record) => props.onAdded(record) });
  // Each opening starts clean: cards of earlier uploads (stored, failed) are gone.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (open) for (const item of uploads.items()) uploads.dismiss(item.id);
      },
    ),
  );
  return (
    <Dialog
      open={props.open}
      title="Add a dataset"
      onClose={props.onClose}
      busy={uploads.busy()}
      class="dialog--wide"
    >
      <AddDatasetBody {...props} uploads={uploads} />
    </Dialog>
  );
}
