/**
 * "Save version": name (required), description and an optional tag. The server snapshots the
 * live document, so what is saved is what everyone sees at that moment, not this tab's copy.
 */
import { createEffect, createSignal } from 'solid-js';
import { VERSION_LIMITS, versionCreateSchema } from '../../../shared/api/schemas.ts';
import type { VersionSummary } from '../../../shared/api/types.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { createForm } from '../forms/create-form.ts';
import type { VersionsApi } from './versions-api.ts';

export interface SaveVersionDialogProps {
  open: boolean;
  pipelineId: string;
  api: VersionsApi;
  onClose: () => void;
  onSaved: (version: VersionSummary) => void;
}

function SaveVersionForm(props: Omit<SaveVersionDialogProps, 'open'> & { onBusy: (busy: boolean) => void }) {
  const form = createForm({
    initial: { name: '', description: '', tag: '' },
    schema: versionCreateSchema,
    toRequest: (values) => ({
      name: values.name,
      description: values.description.trim(),
      tag: values.tag.trim() === '' ? null : values.tag,
    }),
    onSubmit: async (body) => props.onSaved(await props.api.save(props.pipelineId, body)),
  });
  createEffect(() => props.onBusy(form.pending()));

  return (
    <form
      class="form dialog__body"
      ref={form.setFormElement}
      onSubmit={form.submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <FormAlert message={form.generalError()} />
      <TextField
        label="Name"
        name="name"
        autofocus
        autocomplete="off"
        maxLength={VERSION_LIMITS.versionNameMax}
        placeholder="e.g. Baseline with scaling"
        value={form.values.name}
        onValue={(value) => form.setValue('name', value)}
        error={form.error('name')}
      />
      <TextField
        label="Description"
        name="description"
        multiline
        rows={3}
        maxLength={VERSION_LIMITS.versionDescriptionMax}
        hint="Optional. What changed and why."
        value={form.values.description}
        onValue={(value) => form.setValue('description', value)}
        error={form.error('description')}
      />
      <TextField
        label="Tag"
        name="tag"
        autocomplete="off"
        maxLength={VERSION_LIMITS.versionTagMax}
        placeholder="v1.2"
        hint="Optional."
        value={form.values.tag}
        onValue={(value) => form.setValue('tag', value)}
        error={form.error('tag')}
      />
      <footer class="dialog__footer">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => props.onClose()}
          disabled={form.pending()}
        >
          Cancel
        </button>
        <SubmitButton pending={form.pending()} pendingLabel="Saving…">
          Save version
        </SubmitButton>
      </footer>
    </form>
  );
}

export function SaveVersionDialog(props: SaveVersionDialogProps) {
  const [busy, setBusy] = createSignal(false);
  return (
    <Dialog open={props.open} title="Save version" onClose={props.onClose} busy={busy()}>
      <SaveVersionForm
        pipelineId={props.pipelineId}
        api={props.api}
        onClose={props.onClose}
        onSaved={props.onSaved}
        onBusy={setBusy}
      />
    </Dialog>
  );
}
