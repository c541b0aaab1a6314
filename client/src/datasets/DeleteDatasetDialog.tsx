/**
 * Asks before deleting a dataset, naming the pipelines that use it (their CSV nodes would have
 * nothing to read). The server refuses while any pipeline uses it (409): its message shows here.
 */
import { createSignal, For, Show } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { describeError } from '../api/errors.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';

export interface DeleteDatasetDialogProps {
  dataset: DatasetSummary | undefined;
  remove(id: string): Promise<void>;
  onClose(): void;
  onDeleted(dataset: DatasetSummary): void;
}

function DeleteConfirmation(props: {
  dataset: DatasetSummary;
  remove(id: string): Promise<void>;
  onCancel(): void;
  onDeleted(dataset: DatasetSummary): void;
  onBusy(busy: boolean): void;
}) {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const used = () => props.dataset.pipelines;

  const confirm = async () => {
    setPending(true);
    props.onBusy(true);
    setError(undefined);
    try {
      await props.remove(props.dataset.id);
      props.onDeleted(props.dataset);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
      props.onBusy(false);
    }
  };

  return (
    <div class="dialog__body">
      <FormAlert message={error()} />
      <Show
        when={used().length > 0}
        fallback={
          <p>
            This permanently deletes <strong>{props.dataset.name}</strong> ({props.dataset.fileName}) and its
            profile. This cannot be undone.
          </p>
        }
      >
        <p>
          <strong>{props.dataset.name}</strong> is used by{' '}
          {used().length === 1 ? 'this pipeline' : 'these pipelines'}:
        </p>
        <ul class="delete-dataset__pipelines">
          <For each={used()}>{(pipeline) => <li>{pipeline.name}</li>}</For>
        </ul>
        <p>
          Their CSV nodes would have no file to read, so a dataset in use cannot be deleted. In{' '}
          {used().length === 1 ? 'that pipeline' : 'each of them'}, delete the CSV nodes reading it, then
          remove it with × in the library’s Datasets section.
        </p>
      </Show>
      <footer class="dialog__footer">
        <button
          type="button"
          class="button button--secondary"
          autofocus
          onClick={() => props.onCancel()}
          disabled={pending()}
        >
          Cancel
        </button>
        <SubmitButton
          type="button"
          variant="danger"
          pending={pending()}
          pendingLabel="Deleting…"
          onClick={confirm}
        >
          Delete dataset
        </SubmitButton>
      </footer>
    </div>
  );
}

export function DeleteDatasetDialog(props: DeleteDatasetDialogProps) {
  const [busy, setBusy] = createSignal(false);
  const title = () => (props.dataset ? `Delete “${props.dataset.name}”?` : 'Delete dataset?');
  return (
    <Dialog
      open={props.dataset !== undefined}
      title={title()}
      onClose={props.onClose}
      busy={busy()}
      role="alertdialog"
    >
      <Show when={props.dataset}>
        {(dataset) => (
          <DeleteConfirmation
            dataset={dataset()}
            remove={props.remove}
            onCancel={props.onClose}
            onDeleted={props.onDeleted}
            onBusy={setBusy}
          />
        )}
      </Show>
    </Dialog>
  );
}
