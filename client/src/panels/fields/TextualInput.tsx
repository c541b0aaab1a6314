/**
 * Numbers, text, a column name or JSON typed into a field. What is typed stays a draft, checked
 * as you type, and is written when you leave the field or press Enter (Escape restores the stored
 * value), so a half-typed "0." never reaches the document or anyone else's screen. A remote change
 * shows at once unless you are in the middle of editing.
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import { evaluateText, formatParam, valueError } from '../param-text.ts';
import { FieldShell } from './FieldShell.tsx';

export interface TextualInputProps {
  def: ParamDef;
  value: JsonValue;
  readOnly: boolean;
  changed: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
}

export function TextualInput(props: TextualInputProps) {
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
  const commit = () => {
    const d = draft();
    if (d === null) return;
    const result = evaluateText(props.def, d);
    if (!result.ok) return; // keep the draft and its message: nothing invalid is written
    setDraft(null);
    if (JSON.stringify(result.value) !== JSON.stringify(props.value)) props.onCommit(result.value);
  };
  // Selecting another node unmounts this field before it can blur: keep a valid draft, don't drop it.
  onCleanup(commit);
  const isNumber = () => props.def.kind === 'int' || props.def.kind === 'float';
  const placeholder = () => props.def.placeholder ?? (props.def.nullable ? 'None' : undefined);
  return (
    <FieldShell
      label={props.def.label}
      help={props.def.help}
      error={error()}
      onReset={props.changed && !props.readOnly ? props.onReset : undefined}
    >
      {(ids) => (
        <Show
          when={props.def.kind === 'json'}
          fallback={
            <input
              id={ids.id}
              value={text()}
              readOnly={props.readOnly}
              placeholder={placeholder()}
              aria-invalid={error() ? 'true' : undefined}
              aria-describedby={ids.describedBy()}
              spellcheck={false}
              type="text"
              inputMode={isNumber() ? (props.def.kind === 'int' ? 'numeric' : 'decimal') : undefined}
              class={`param-input${isNumber() ? ' param-input--number' : ''}${props.def.kind === 'column' ? ' param-input--mono' : ''}`}
              onInput={(event) => setDraft(event.currentTarget.value)}
              onChange={commit}
              onKeyDown={(event) => {
                if (event.key === 'Enter') commit();
                if (event.key === 'Escape' && draft() !== null) {
                  event.stopPropagation();
                  setDraft(null);
                }
              }}
            />
          }
        >
          <textarea
            id={ids.id}
            value={text()}
            readOnly={props.readOnly}
            placeholder={placeholder()}
            aria-invalid={error() ? 'true' : undefined}
            aria-describedby={ids.describedBy()}
            spellcheck={false}
            class="param-input param-input--mono param-input--multiline"
            rows={2}
            onInput={(event) => setDraft(event.currentTarget.value)}
            onChange={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commit();
              if (event.key === 'Escape' && draft() !== null) {
                event.stopPropagation();
                setDraft(null);
              }
            }}
          />
        </Show>
      )}
    </FieldShell>
  );
}
