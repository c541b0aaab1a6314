/** Asks before deleting: names the pipeline and what goes with it; Cancel has the focus. */
import { createSignal, Show } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { useApi } from '../api/api.ts';
import { describeError } from '../api/errors.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';

export interface DeletePipelineDialogProps {
  pipeline: PipelineSummary | undefined;
  onClose: () => void;
  onDeleted: (pipeline: PipelineSummary) => void;
}

function DeleteConfirmation(props: {
  pipeline: PipelineSummary;
  onCancel: () => void;
  onDeleted: (pipeline: PipelineSummary) => void;
  onBusy: (busy: boolean) => void;
}) {
  const api = useApi();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const confirm = async () => {
    setPending(true);
    props.onBusy(true);
    setError(undefined);
    try {
      await api.pipelines.remove(props.pipeline.id);
      props.onDeleted(props.pipeline);
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
      <p>
        This permanently deletes <strong>{props.pipeline.name}</strong> with its versions, comments and runs,
        for everyone it is shared with. This cannot be undone.
      </p>
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
          Delete pipeline
        </SubmitButton>
      </footer>
    </div>
  );
}

export function DeletePipelineDialog(props: DeletePipelineDialogProps) {
  const [busy, setBusy] = createSignal(false);
  // Keep the name while the dialog closes, so the title does not flash empty.
  const title = () => (props.pipeline ? `Delete “${props.pipeline.name}”?` : 'Delete pipeline?');
  return (
    <Dialog
      open={props.pipeline !== undefined}
      title={title()}
      onClose={props.onClose}
      busy={busy()}
      role="alertdialog"
    >
      <Show when={props.pipeline}>
        {(pipeline) => (
          <DeleteConfirmation
            pipeline={pipeline()}
            onCancel={props.onClose}
            onDeleted={props.onDeleted}
            onBusy={setBusy}
          />
        )}
      </Show>
    </Dialog>
  );
}
