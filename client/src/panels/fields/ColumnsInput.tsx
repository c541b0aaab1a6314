/**
 * A list of column names as tags: type a name and press Enter (or comma) to add it, Backspace in
 * the empty field or a tag's × to remove one. Each change is written at once. When the columns of
 * the table reaching the node are known (a profiled dataset upstream), the field offers them as a
 * searchable list, and tags naming a column that is not there wear a warning style; names can
 * still be typed freely.
 */
import { createSignal, For, Show } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import { X } from '../../canvas/icons.ts';
import type { ColumnOption } from '../inspector-extensions.ts';
import { valueError } from '../param-text.ts';
import { ColumnCombobox } from './ColumnCombobox.tsx';
import { isUnknownColumn } from './column-options.ts';
import { FieldShell } from './FieldShell.tsx';

export interface ColumnsInputProps {
  def: ParamDef;
  value: JsonValue;
  readOnly: boolean;
  changed: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
  /** Columns of the table reaching the node; null or absent when unknown. */
  columns?: readonly ColumnOption[] | null;
}

export function ColumnsInput(props: ColumnsInputProps) {
  const [text, setText] = createSignal('');
  const columns = () =>
    Array.isArray(props.value) ? props.value.filter((v): v is string => typeof v === 'string') : [];
  const unknown = () => columns().filter((name) => isUnknownColumn(name, props.columns));
  const addNames = (names: readonly string[]) => {
    const fresh = names.map((s) => s.trim()).filter((s) => s !== '' && !columns().includes(s));
    setText('');
    if (fresh.length > 0) props.onCommit([...columns(), ...new Set(fresh)]);
  };
  const add = () => addNames(text().split(','));
  const remove = (name: string) => props.onCommit(columns().filter((c) => c !== name));
  const removeLast = () => {
    if (columns().length > 0) remove(columns()[columns().length - 1]);
  };
  const placeholder = () =>
    columns().length === 0
      ? (props.def.placeholder ?? (props.columns ? 'Pick or type a column' : 'Type a column, press Enter'))
      : 'Add…';

  return (
    <FieldShell
      label={props.def.label}
      help={props.def.help}
      error={valueError(props.def, props.value)}
      onReset={props.changed && !props.readOnly ? props.onReset : undefined}
    >
      {(ids) => (
        <>
          <div class="param-tags column-picker-anchor" classList={{ 'param-tags--readonly': props.readOnly }}>
            <ul class="param-tags__list" aria-label={`${props.def.label}: ${columns().length} columns`}>
              <For each={columns()}>
                {(name) => {
                  const isUnknown = () => isUnknownColumn(name, props.columns);
                  return (
                    <li
                      class="param-tag"
                      classList={{ 'param-tag--unknown': isUnknown() }}
                      title={isUnknown() ? 'Not a column of the table reaching this node' : undefined}
                    >
                      <span>{name}</span>
                      <Show when={isUnknown()}>
                        <span class="visually-hidden"> (not a known column)</span>
                      </Show>
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
                  );
                }}
              </For>
            </ul>
            {!props.readOnly && (
              <Show
                when={props.columns}
                fallback={
                  <input
                    id={ids.id}
                    class="param-tags__input"
                    type="text"
                    value={text()}
                    placeholder={placeholder()}
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
                      } else if (event.key === 'Backspace' && text() === '') {
                        removeLast();
                      }
                    }}
                  />
                }
              >
                {(known) => (
                  <ColumnCombobox
                    id={ids.id}
                    describedBy={ids.describedBy()}
                    class="param-tags__input"
                    text={text()}
                    options={known()}
                    exclude={columns()}
                    placeholder={placeholder()}
                    listLabel={`Columns for ${props.def.label}`}
                    onText={(value) => {
                      setText(value);
                      if (value.endsWith(',')) add();
                    }}
                    onPick={(name) => addNames([name])}
                    onEnter={add}
                    onBlur={add}
                    onBackspaceEmpty={removeLast}
                  />
                )}
              </Show>
            )}
          </div>
          <Show when={unknown().length > 0}>
            <p class="param-field__warning" role="status">
              {unknown().length === 1
                ? `“${unknown()[0]}” is not a column of the table reaching this node.`
                : `${unknown().length} names are not columns of the table reaching this node.`}
            </p>
          </Show>
        </>
      )}
    </FieldShell>
  );
}
