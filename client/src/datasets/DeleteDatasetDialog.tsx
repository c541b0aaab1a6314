/**
 * Asks before deleting a dataset, naming the pipelines that use it (their CSV nodes would have
 * nothing to read). The server refuses while any pipeline uses it (409) and tells the owner where:
 * the dialog then shows its message and offers "Detach from N pipelines and delete", warning that
 * runs of those pipelines fail until someone there chooses another dataset. The owner may detach
 * their dataset from any pipeline, also one they are not a member of (those are only counted).
 */
import { createSignal, For, Show } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { describeError } from '../api/errors.ts';
import { DeleteDialog, DeleteDialogBody } from '../components/DeleteDialog.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { attachmentsOf, type DatasetAttachments } from './datasets-api.ts';
import { TriangleAlert } from './icons.ts';

export interface DeleteDatasetDialogProps {
  dataset: DatasetSummary | undefined;
  remove(id: string): Promise<void>;
  /** Detaches the dataset from one pipeline (the owner may, from any pipeline). */
  detach(pipelineId: string, datasetId: string): Promise<void>;
  onClose(): void;
  onDeleted(dataset: DatasetSummary): void;
}

const pipelines = (count: number) => `${count} pipeline${count === 1 ? '' : 's'}`;

/** "Detach from 3 pipelines and delete". */
export function detachAndDeleteLabel(attached: DatasetAttachments): string {
  return `Detach from ${pipelines(attached.pipelineIds.length)} and delete`;
}

function DeleteConfirmation(props: {
  dataset: DatasetSummary;
  remove(id: string): Promise<void>;
  detach(pipelineId: string, datasetId: string): Promise<void>;
  onCancel(): void;
  onDeleted(dataset: DatasetSummary): void;
  onBusy(busy: boolean): void;
}) {
  const [pending, setPending] = createSignal<false | 'deleting' | 'detaching'>(false);
  const [error, setError] = createSignal<string>();
  /** Where the server says it is in use, after it refused (null before, or for other failures). */
  const [inUse, setInUse] = createSignal<DatasetAttachments | null>(null);
  const used = () => props.dataset.pipelines;

  const run = async (work: () => Promise<void>, kind: 'deleting' | 'detaching') => {
    setPending(kind);
    props.onBusy(true);
    setError(undefined);
    try {
      await work();
    } finally {
      setPending(false);
      props.onBusy(false);
    }
  };

  const remove = async () => {
    try {
      await props.remove(props.dataset.id);
      props.onDeleted(props.dataset);
    } catch (failure) {
      // Refused because it is in use (perhaps attached again meanwhile): say where, offer to detach.
      setInUse(attachmentsOf(failure));
      setError(describeError(failure));
    }
  };

  const detachAndDelete = async (attached: DatasetAttachments) => {
    const results = await Promise.allSettled(
      attached.pipelineIds.map((pipelineId) => props.detach(pipelineId, props.dataset.id)),
    );
    const failures = results.filter((result) => result.status === 'rejected');
    if (failures.length > 0) {
      const done = results.length - failures.length;
      setError(
        `Detached from ${done} of ${pipelines(results.length)}; ${failures.length} could not be detached ` +
          `(${describeError(failures[0]?.reason)}). Nothing was deleted; try again.`,
      );
      return;
    }
    await remove();
  };

  return (
    <DeleteDialogBody
      error={error()}
      busy={pending() !== false}
      onCancel={props.onCancel}
      confirm={
        <Show
          when={inUse()}
          fallback={
            <SubmitButton
              type="button"
              variant="danger"
              pending={pending() === 'deleting'}
              pendingLabel="Deleting…"
              onClick={() => void run(remove, 'deleting')}
            >
              Delete dataset
            </SubmitButton>
          }
        >
          {(attached) => (
            <SubmitButton
              type="button"
              variant="danger"
              pending={pending() === 'detaching'}
              pendingLabel="Detaching and deleting…"
              onClick={() => void run(() => detachAndDelete(attached()), 'detaching')}
            >
              {detachAndDeleteLabel(attached())}
            </SubmitButton>
          )}
        </Show>
      }
    >
      <Show
        when={inUse()}
        fallback={
          <Show
            when={used().length > 0}
            fallback={
              <p>
                This permanently deletes <strong>{props.dataset.name}</strong> ({props.dataset.fileName}) and
                its profile. This cannot be undone.
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
              Their CSV nodes read it, so it has to be detached from every pipeline using it before it is
              deleted. You will be asked before anything is detached.
            </p>
          </Show>
        }
      >
        {(attached) => (
          <>
            <p>
              <strong>{props.dataset.name}</strong> is attached to {pipelines(attached().pipelineIds.length)}:
            </p>
            <ul class="delete-dataset__pipelines" aria-label="Pipelines using it">
              <For each={attached().visible}>{(pipeline) => <li>{pipeline.name}</li>}</For>
              <Show when={attached().hidden > 0}>
                <li class="delete-dataset__hidden">
                  {attached().hidden === 1
                    ? '1 pipeline you are not a member of'
                    : `${attached().hidden} pipelines you are not a member of`}
                </li>
              </Show>
            </ul>
            <div class="delete-dataset__warning" data-testid="delete-dataset-warning">
              <TriangleAlert size={16} aria-hidden="true" />
              <p>
                As its owner you can detach it from{' '}
                {attached().pipelineIds.length === 1 ? 'it' : 'all of them'} and delete it. Their CSV nodes
                will then have no file to read:{' '}
                <strong>
                  runs of {attached().pipelineIds.length === 1 ? 'that pipeline' : 'those pipelines'} will
                  fail until someone there chooses another dataset.
                </strong>{' '}
                This cannot be undone.
              </p>
            </div>
          </>
        )}
      </Show>
    </DeleteDialogBody>
  );
}

export function DeleteDatasetDialog(props: DeleteDatasetDialogProps) {
  return (
    <DeleteDialog item={props.dataset} noun="dataset" onClose={props.onClose}>
      {(dataset, setBusy) => (
        <DeleteConfirmation
          dataset={dataset()}
          remove={props.remove}
          detach={props.detach}
          onCancel={props.onClose}
          onDeleted={props.onDeleted}
          onBusy={setBusy}
        />
      )}
    </DeleteDialog>
  );
}
