/** Asks before deleting: names the pipeline and what goes with it; Cancel has the focus. */
import { createSignal } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { useApi } from '../api/api.ts';
import { describeError } from '../api/errors.ts';
import { DeleteDialog, DeleteDialogBody } from '../components/DeleteDialog.tsx';
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
    <DeleteDialogBody
      error={error()}
      busy={pending()}
      onCancel={props.onCancel}
      confirm={
        <SubmitButton
          type="button"
          variant="danger"
          pending={pending()}
          pendingLabel="Deleting…"
          onClick={confirm}
        >
          Delete pipeline
        </SubmitButton>
      }
    >
      <p>
        This permanently deletes <strong>{props.pipeline.name}</strong> with its versions, comments and runs,
        for everyone it is shared with. This cannot be undone.
      </p>
    </DeleteDialogBody>
  );
}

export function DeletePipelineDialog(props: DeletePipelineDialogProps) {
  return (
    <DeleteDialog item={props.pipeline} noun="pipeline" onClose={props.onClose}>
      {(pipeline, setBusy) => (
        <DeleteConfirmation
          pipeline={pipeline()}
          onCancel={props.onClose}
          onDeleted={props.onDeleted}
          onBusy={setBusy}
        />
      )}
    </DeleteDialog>
  );
}
