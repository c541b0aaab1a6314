/** A yes/no parameter as a checkbox (a nullable one gets a third "None" state through a select). */
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import { valueError } from '../param-text.ts';
import { ChoiceInput } from './ChoiceInput.tsx';
import { FieldShell } from './FieldShell.tsx';

export interface BoolInputProps {
  def: ParamDef;
  value: JsonValue;
  readOnly: boolean;
  changed: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
}

export function BoolInput(props: BoolInputProps) {
  if (props.def.nullable) {
    return <ChoiceInput {...props} def={{ ...props.def, kind: 'choice', choices: [true, false, null] }} />;
  }
  return (
    <FieldShell
      label={props.def.label}
      help={props.def.help}
      error={valueError(props.def, props.value)}
      onReset={props.changed && !props.readOnly ? props.onReset : undefined}
      labelKind="span"
    >
      {(ids) => (
        <label class="param-check">
          <input
            id={ids.id}
            type="checkbox"
            checked={props.value === true}
            disabled={props.readOnly}
            aria-describedby={ids.describedBy()}
            onChange={(event) => props.onCommit(event.currentTarget.checked)}
          />
          <span>{props.value === true ? 'Yes' : 'No'}</span>
          <span class="visually-hidden">{props.def.label}</span>
        </label>
      )}
    </FieldShell>
  );
}
