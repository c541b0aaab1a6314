/** A labelled input with an optional hint and an inline error tied to it for screen readers. */
import { createUniqueId, type JSX, Show, splitProps } from 'solid-js';

export interface TextFieldProps extends Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  /** Renders a <textarea> instead of an <input>. */
  multiline?: boolean;
  /** Visible lines of a multiline field. */
  rows?: number;
}

export function TextField(props: TextFieldProps) {
  const [own, input] = splitProps(props, [
    'label',
    'value',
    'onValue',
    'error',
    'hint',
    'multiline',
    'rows',
    'id',
    'class',
  ]);
  const id = own.id ?? createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = () =>
    [own.hint ? hintId : undefined, own.error ? errorId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <div class={`field ${own.class ?? ''}`} classList={{ 'field--invalid': Boolean(own.error) }}>
      <label class="field__label" for={id}>
        {own.label}
      </label>
      <Show
        when={own.multiline}
        fallback={
          <input
            {...input}
            id={id}
            class="input"
            value={own.value}
            onInput={(event) => own.onValue(event.currentTarget.value)}
            aria-invalid={own.error ? 'true' : undefined}
            aria-describedby={describedBy()}
          />
        }
      >
        <textarea
          {...(input as JSX.TextareaHTMLAttributes<HTMLTextAreaElement>)}
          id={id}
          rows={own.rows ?? 3}
          class="input input--multiline"
          value={own.value}
          onInput={(event) => own.onValue(event.currentTarget.value)}
          aria-invalid={own.error ? 'true' : undefined}
          aria-describedby={describedBy()}
        />
      </Show>
      <Show when={own.hint}>
        <p id={hintId} class="field__hint">
          {own.hint}
        </p>
      </Show>
      <Show when={own.error}>
        <p id={errorId} class="field__error">
          {own.error}
        </p>
      </Show>
    </div>
  );
}
