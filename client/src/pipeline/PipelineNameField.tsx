/**
 * The pipeline name in the top bar, renamed in place: click (or Enter) to edit, Enter or leaving
 * the field saves, Escape cancels. It is the page's heading. Read-only people see plain text.
 */

import { createSignal, Show, untrack } from 'solid-js';
import { LIMITS } from '../../../shared/api/schemas.ts';
import { Pencil } from './icons.ts';

export interface PipelineNameFieldProps {
  name: string;
  readOnly: boolean;
  onRename: (name: string) => void;
}

export function PipelineNameField(props: PipelineNameFieldProps) {
  const [editing, setEditing] = createSignal(false);
  let input: HTMLInputElement | undefined;
  let button: HTMLButtonElement | undefined;
  let cancelled = false;

  const start = () => {
    cancelled = false;
    setEditing(true);
    input?.focus();
    input?.select();
  };
  const finish = () => {
    if (!editing()) return;
    const next = input?.value.trim() ?? '';
    setEditing(false);
    // An empty name would leave the pipeline unfindable in the list; keep the old one instead.
    if (!cancelled && next !== '' && next !== props.name) props.onRename(next);
  };

  return (
    <h1 class="pipeline-name">
      <Show
        when={!props.readOnly}
        fallback={
          <span class="pipeline-name__text" data-testid="pipeline-name">
            {props.name}
          </span>
        }
      >
        <Show
          when={editing()}
          fallback={
            <button
              ref={button}
              type="button"
              class="pipeline-name__button"
              title="Rename pipeline"
              aria-label={`Pipeline name: ${props.name}. Rename`}
              data-testid="pipeline-name"
              onClick={start}
            >
              <span class="pipeline-name__text">{props.name}</span>
              <Pencil size={14} aria-hidden="true" class="pipeline-name__icon" />
            </button>
          }
        >
          <input
            ref={(element) => {
              input = element;
              queueMicrotask(() => {
                element.focus();
                element.select();
              });
            }}
            class="input input--compact pipeline-name__input"
            aria-label="Pipeline name"
            // The name as it was when editing began: a rename by someone else meanwhile must not
            // overwrite what this person is typing (their Enter then wins, as last writer).
            value={untrack(() => props.name)}
            maxLength={LIMITS.pipelineNameMax}
            onBlur={finish}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== 'Escape') return;
              event.preventDefault();
              cancelled = event.key === 'Escape';
              finish();
              // Keyboard users land back on the name, not at the top of the page.
              queueMicrotask(() => button?.focus());
            }}
          />
        </Show>
      </Show>
    </h1>
  );
}
