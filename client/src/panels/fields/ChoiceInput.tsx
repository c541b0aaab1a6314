/**
 * One of a fixed set of values as a select. Choices are JSON values (strings, numbers, null), so
 * options are addressed by index; a stored value that is not a choice (an older document, another
 * client) is shown as such instead of silently as the first option.
 */
import { For, Show } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import { jsonEquals } from '../../../../shared/doc/json.ts';
import { valueError } from '../param-text.ts';
import { FieldShell } from './FieldShell.tsx';

export interface ChoiceInputProps {
  def: ParamDef;
  value: JsonValue;
  readOnly: boolean;
  changed: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
}

export function choiceLabel(value: JsonValue): string {
  if (value === null) return 'None';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ChoiceInput(props: ChoiceInputProps) {
  const choices = () => props.def.choices ?? [];
  const index = () => choices().findIndex((c) => jsonEquals(c, props.value));
  return (
    <FieldShell
      label={props.def.label}
      help={props.def.help}
      error={valueError(props.def, props.value)}
      onReset={props.changed && !props.readOnly ? props.onReset : undefined}
    >
      {(ids) => (
        <select
          id={ids.id}
          class="param-input param-select"
          disabled={props.readOnly}
          aria-describedby={ids.describedBy()}
          aria-invalid={index() < 0 ? 'true' : undefined}
          onChange={(event) => {
            const i = Number(event.currentTarget.value);
            if (i >= 0 && i < choices().length) props.onCommit(choices()[i]);
          }}
        >
          <Show when={index() < 0}>
            <option value="-1" selected>
              {choiceLabel(props.value)} (not an option)
            </option>
          </Show>
          <For each={choices()}>
            {(choice, i) => (
              <option value={String(i())} selected={i() === index()}>
                {choiceLabel(choice)}
              </option>
            )}
          </For>
        </select>
      )}
    </FieldShell>
  );
}
