/**
 * One column name (a `column` parameter, e.g. the target). Typed text is a draft until Enter,
 * a pick from the list or leaving the field, as in every text field of the inspector; when the
 * columns of the table reaching the node are known, they are offered as a searchable list and a
 * name that is not among them wears a warning style. Free typing always works.
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import type { ColumnOption } from '../inspector-extensions.ts';
import { evaluateText, formatParam, valueError } from '../param-text.ts';
import { ColumnCombobox } from './ColumnCombobox.tsx';
import { isUnknownColumn } from './column-options.ts';
import { FieldShell } from './FieldShell.tsx';
import { TextualInput } from './TextualInput.tsx';

export interface ColumnInputProps {
  def: ParamDef;
  value: JsonValue;
  readOnly: boolean;
  changed: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
  columns?: readonly ColumnOption[] | null;
}

export function ColumnInput(props: ColumnInputProps) {
  return (
    <Show when={props.columns && !props.readOnly} fallback={<TextualInput {...props} />}>
      <ColumnPicker {...props} columns={props.columns!} />
    </Show>
  );
}

function ColumnPicker(props: ColumnInputProps & { columns: readonly ColumnOption[] }) {
  const [draft, setDraft] = createSignal<string | null>(null);
  const text = () => draft() ?? formatParam(props.def, props.value);
  const error = () => {
    const d = draft();
    if (d !== null) {
      const result = evaluateText(props.def, d);
      return result.ok ? null : result.error;
    }
    return valueError(props.def, props.value);
  };
  const write = (value: string) => {
    const result = evaluateText(props.def, value);
    if (!result.ok) return false;
    setDraft(null);
    if (JSON.stringify(result.value) !== JSON.stringify(props.value)) props.onCommit(result.value);
    return true;
  };
  const commit = () => {
    const d = draft();
    if (d !== null) write(d);
  };
  onCleanup(commit);
  const unknown = () => isUnknownColumn(text().trim(), props.columns);
  return (
    <FieldShell
      label={props.def.label}
      help={props.def.help}
      error={error()}
      onReset={props.changed ? props.onReset : undefined}
    >
      {(ids) => (
        <>
          <div class="column-picker-anchor">
            <ColumnCombobox
              id={ids.id}
              describedBy={ids.describedBy()}
              class={`param-input param-input--mono${unknown() ? ' param-input--unknown' : ''}`}
              text={text()}
              query={draft() ?? ''}
              options={props.columns}
              placeholder={props.def.placeholder ?? 'Pick or type a column'}
              invalid={Boolean(error())}
              listLabel={`Columns for ${props.def.label}`}
              onText={setDraft}
              onPick={(name) => {
                setDraft(name);
                write(name);
              }}
              onEnter={commit}
              onBlur={commit}
              onEscape={(event) => {
                if (draft() === null) return;
                event.stopPropagation();
                setDraft(null);
              }}
            />
          </div>
          <Show when={unknown() && !error()}>
            <p class="param-field__warning" role="status">
              “{text().trim()}” is not a column of the table reaching this node.
            </p>
          </Show>
        </>
      )}
    </FieldShell>
  );
}
