/**
 * Renaming in place: an input with the current name selected. Enter or leaving the field saves,
 * Escape cancels; the shared schema checks the name first, and server errors show inline.
 */
import { createSignal, createUniqueId, onMount, Show } from 'solid-js';
import { pipelinePatchSchema } from '../../../shared/api/schemas.ts';
import { describeError } from '../api/errors.ts';
import { Spinner } from '../components/Spinner.tsx';

export interface InlineRenameProps {
  name: string;
  onSave: (name: string) => Promise<void>;
  /** Called when editing ends without a change (Escape, or the same name). */
  onCancel: () => void;
  /** Why a name is not acceptable, or undefined; defaults to the pipeline name rules. */
  validate?: (name: string) => string | undefined;
}

function pipelineNameError(name: string): string | undefined {
  const result = pipelinePatchSchema.safeParse({ name });
  return result.success ? undefined : (result.error.issues[0]?.message ?? 'Enter a valid name');
}

export function InlineRename(props: InlineRenameProps) {
  const [text, setText] = createSignal(props.name);
  const [error, setError] = createSignal<string>();
  const [saving, setSaving] = createSignal(false);
  const errorId = createUniqueId();
  let input!: HTMLInputElement;
  let finished = false;

  onMount(() => {
    input.focus();
    input.select();
  });

  const save = async () => {
    if (saving() || finished) return;
    const name = text().trim();
    if (name === props.name) {
      finished = true;
      props.onCancel();
      return;
    }
    const invalid = (props.validate ?? pipelineNameError)(name);
    if (invalid) {
      setError(invalid);
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await props.onSave(name);
      finished = true;
    } catch (failure) {
      setError(describeError(failure));
      input.focus();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="inline-rename">
      <div class="inline-rename__row">
        <input
          ref={input}
          class="input input--compact"
          aria-label={`New name for ${props.name}`}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? errorId : undefined}
          value={text()}
          readOnly={saving()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setError(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              finished = true;
              props.onCancel();
            }
          }}
          onBlur={() => {
            // Leaving the field keeps what was typed, as in Figma; a failed save stays open.
            if (!error()) void save();
          }}
        />
        <Show when={saving()}>
          <Spinner />
          <span class="visually-hidden" role="status">
            Saving…
          </span>
        </Show>
      </div>
      <Show when={error()}>
        <p id={errorId} class="field__error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
