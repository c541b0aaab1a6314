/**
 * "New pipeline": what to start from (empty, or a template from the gallery), name, description
 * and tags; Enter (Ctrl/Cmd+Enter in the description) or a double click on a card creates it.
 */
import { createEffect, createSignal } from 'solid-js';
import { LIMITS, pipelineCreateSchema } from '../../../shared/api/schemas.ts';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { useApi } from '../api/api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { createForm } from '../forms/create-form.ts';
import { parseTags } from '../lib/tags.ts';
import { EMPTY_TEMPLATE, TemplateGallery } from './templates/TemplateGallery.tsx';

export interface NewPipelineDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (pipeline: PipelineSummary) => void;
}

function NewPipelineForm(props: {
  onCancel: () => void;
  onCreated: NewPipelineDialogProps['onCreated'];
  onBusy: (busy: boolean) => void;
}) {
  const api = useApi();
  const form = createForm({
    initial: { name: '', description: '', tags: '', template: EMPTY_TEMPLATE },
    schema: pipelineCreateSchema,
    toRequest: (values) => ({
      name: values.name,
      description: values.description.trim(),
      tags: parseTags(values.tags),
      template: values.template === EMPTY_TEMPLATE ? undefined : values.template,
    }),
    onSubmit: async (body) => props.onCreated(await api.pipelines.create(body)),
  });
  createEffect(() => props.onBusy(form.pending()));
  let formElement!: HTMLFormElement;
  /** The name a template filled in: replaced when another is picked, kept once the person edits it. */
  let suggestedName = '';

  return (
    <form
      class="form dialog__body"
      ref={(element) => {
        formElement = element;
        form.setFormElement(element);
      }}
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
        maxLength={LIMITS.pipelineNameMax}
        placeholder="e.g. Iris classifier"
        value={form.values.name}
        onValue={(value) => form.setValue('name', value)}
        error={form.error('name')}
      />
      <TemplateGallery
        value={form.values.template}
        disabled={form.pending()}
        onChange={(templateId, template) => {
          form.setValue('template', templateId);
          if (form.values.name === suggestedName) {
            suggestedName = template?.name ?? '';
            form.setValue('name', suggestedName);
          }
        }}
        onChoose={() => formElement.requestSubmit()}
      />
      {/* Side by side, so the dialog with its gallery fits a 1280×800 screen without scrolling. */}
      <div class="new-pipeline__details">
        <TextField
          label="Description"
          name="description"
          multiline
          rows={2}
          maxLength={LIMITS.descriptionMax}
          hint="Optional. What it predicts, from which data."
          value={form.values.description}
          onValue={(value) => form.setValue('description', value)}
          error={form.error('description')}
        />
        <TextField
          label="Tags"
          name="tags"
          autocomplete="off"
          placeholder="classification, tutorial"
          hint="Optional. Separate tags with commas."
          value={form.values.tags}
          onValue={(value) => form.setValue('tags', value)}
          error={form.error('tags')}
        />
      </div>
      <footer class="dialog__footer">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => props.onCancel()}
          disabled={form.pending()}
        >
          Cancel
        </button>
        <SubmitButton pending={form.pending()} pendingLabel="Creating…">
          Create pipeline
        </SubmitButton>
      </footer>
    </form>
  );
}

export function NewPipelineDialog(props: NewPipelineDialogProps) {
  const [busy, setBusy] = createSignal(false);
  return (
    <Dialog open={props.open} title="New pipeline" onClose={props.onClose} busy={busy()} class="dialog--wide">
      <NewPipelineForm onCancel={props.onClose} onCreated={props.onCreated} onBusy={setBusy} />
    </Dialog>
  );
}
