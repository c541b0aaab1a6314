/** A Markdown text box and a submit button; Ctrl/Cmd+Enter submits too. */
import { createSignal, createUniqueId } from 'solid-js';
import { VERSION_LIMITS } from '../../../shared/api/schemas.ts';

export interface CommentComposerProps {
  label: string;
  submitLabel: string;
  initial?: string;
  placeholder?: string;
  onSubmit: (body: string) => void | Promise<void>;
  onCancel?: () => void;
  autofocus?: boolean;
}

export function CommentComposer(props: CommentComposerProps) {
  const id = createUniqueId();
  const [body, setBody] = createSignal(props.initial ?? '');
  const [busy, setBusy] = createSignal(false);
  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (body().trim() === '' || busy()) return;
    setBusy(true);
    try {
      await props.onSubmit(body());
      setBody('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="comment-composer" onSubmit={submit}>
      <label class="visually-hidden" for={id}>
        {props.label}
      </label>
      <textarea
        id={id}
        class="comment-composer__input"
        rows={3}
        maxLength={VERSION_LIMITS.commentBodyMax}
        placeholder={props.placeholder ?? 'Write a comment (Markdown)'}
        value={body()}
        autofocus={props.autofocus}
        onInput={(event) => setBody(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          if (event.key === 'Escape' && props.onCancel) props.onCancel();
        }}
      />
      <div class="comment-composer__actions">
        {props.onCancel && (
          <button type="button" class="button button--ghost button--small" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          class="button button--primary button--small"
          disabled={body().trim() === '' || busy()}
        >
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
