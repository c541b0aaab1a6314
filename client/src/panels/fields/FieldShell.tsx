/**
 * The frame of one parameter: label, "reset to default", the input, help text and an inline
 * error, with the ids that tie help and error to the input for screen readers.
 */
import { createUniqueId, type JSX, Show, untrack } from 'solid-js';
import { RotateCcw } from '../../canvas/icons.ts';

export interface FieldIds {
  id: string;
  /** Help, plus the error while there is one. */
  describedBy: () => string;
}

export interface FieldShellProps {
  label: string;
  help: string;
  error: string | null;
  /** Shows "reset to default" when set. */
  onReset?: () => void;
  /** `label` renders a <label for>; groups of inputs (tags) use a legend-like span instead. */
  labelKind?: 'label' | 'span';
  children: (ids: FieldIds) => JSX.Element;
}

export function FieldShell(props: FieldShellProps) {
  const id = createUniqueId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = () => [helpId, props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class="param-field" classList={{ 'param-field--invalid': Boolean(props.error) }}>
      <div class="param-field__head">
        <Show
          when={props.labelKind !== 'span'}
          fallback={
            <span class="param-field__label" id={`${id}-label`}>
              {props.label}
            </span>
          }
        >
          <label class="param-field__label" for={id}>
            {props.label}
          </label>
        </Show>
        <Show when={props.onReset}>
          {(reset) => (
            <button
              type="button"
              class="param-field__reset"
              aria-label={`Reset ${props.label} to its default`}
              title="Reset to default"
              onClick={() => reset()()}
            >
              <RotateCcw size={12} aria-hidden="true" />
            </button>
          )}
        </Show>
      </div>
      {/* Built once: the input must survive value and error changes (it may hold focus and a draft). */}
      {untrack(() => props.children({ id, describedBy }))}
      <Show when={props.error}>
        <p id={errorId} class="param-field__error">
          {props.error}
        </p>
      </Show>
      <p id={helpId} class="param-field__help">
        {props.help}
      </p>
    </div>
  );
}
