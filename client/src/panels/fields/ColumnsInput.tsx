/**
 * A list of column names as tags: type a name and press Enter (or comma) to add it, Backspace in
 * the empty field or a tag's × to remove one. Each change is written at once. (Until dataset
 * profiles exist there is no list of real columns to pick from.)
 */
import { createSignal, For } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import { X } from '../../canvas/icons.ts';
import { valueError } from '../param-text.ts';
import { FieldShell } from './FieldShell.tsx';

export interface ColumnsInputProps {
  def: ParamDef;
  value: JsonValue;
  readOnly: boolean;
  changed: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
}

export function ColumnsInput(props: ColumnsInputProps) {
  const [text, setText] = createSignal('');
  const columns = () =>
    Array.isArray(props.value) ? props.value.filter((v): v is string => typeof v === 'string') : [];
  const add = () => {
    const names = text()
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !columns().includes(s));
    setText('');
    if (names.length > 0) props.onCommit([...columns(), ...new Set(names)]);
  };
  const remove = (name: string) => props.onCommit(columns().filter((c) => c !== name));

  return (
    <FieldShell
      label={props.def.label}
      help={props.def.help}
      error={valueError(props.def, props.value)}
      onReset={props.changed && !props.readOnly ? props.onReset : undefined}
    >
      {(ids) => (
        <div class="param-tags" classList={{ 'param-tags--readonly': props.readOnly }}>
          <ul class="param-tags__list" aria-label={`${props.def.label}: ${columns().length} columns`}>
            <For each={columns()}>
              {(name) => (
                <li class="param-tag">
                  <span>{name}</span>
                  {!props.readOnly && (
                    <button
                      type="button"
                      class="param-tag__remove"
                      aria-label={`Remove column ${name}`}
                      onClick={() => remove(name)}
                    >
                      <X size={12} aria-hidden="true" />
                    </button>
                  )}
                </li>
              )}
            </For>
          </ul>
          {!props.readOnly && (
            <input
              id={ids.id}
              class="param-tags__input"
              type="text"
              value={text()}
              placeholder={
                columns().length === 0 ? (props.def.placeholder ?? 'Type a column, press Enter') : 'Add…'
              }
              aria-describedby={ids.describedBy()}
              spellcheck={false}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setText(value);
                if (value.endsWith(',')) add();
              }}
              onBlur={add}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                } else if (event.key === 'Backspace' && text() === '' && columns().length > 0) {
                  remove(columns()[columns().length - 1]);
                }
              }}
            />
          )}
        </div>
      )}
    </FieldShell>
  );
}
