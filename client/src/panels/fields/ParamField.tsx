/** One parameter of the selected node, with the input its kind calls for. */
import { Match, Switch } from 'solid-js';
import type { JsonValue, ParamDef } from '../../../../shared/catalog/types.ts';
import { jsonEquals } from '../../../../shared/doc/json.ts';
import type { ColumnOption } from '../inspector-extensions.ts';
import { BoolInput } from './BoolInput.tsx';
import { ChoiceInput } from './ChoiceInput.tsx';
import { ColumnInput } from './ColumnInput.tsx';
import { ColumnsInput } from './ColumnsInput.tsx';
import { TextualInput } from './TextualInput.tsx';

export interface ParamFieldProps {
  def: ParamDef;
  /** The stored value; undefined when the node does not store one (the default applies). */
  stored: JsonValue | undefined;
  readOnly: boolean;
  onCommit(value: JsonValue): void;
  onReset(): void;
  /** Columns of the table reaching the node (column pickers); null or absent when unknown. */
  columns?: readonly ColumnOption[] | null;
}

export function ParamField(props: ParamFieldProps) {
  const value = () => (props.stored === undefined ? props.def.default : props.stored);
  const changed = () => !jsonEquals(value(), props.def.default);
  const common = () => ({
    def: props.def,
    value: value(),
    readOnly: props.readOnly,
    changed: changed(),
    onCommit: props.onCommit,
    onReset: props.onReset,
  });
  return (
    <Switch fallback={<TextualInput {...common()} />}>
      <Match when={props.def.kind === 'bool'}>
        <BoolInput {...common()} />
      </Match>
      <Match when={props.def.kind === 'choice'}>
        <ChoiceInput {...common()} />
      </Match>
      <Match when={props.def.kind === 'columns'}>
        <ColumnsInput {...common()} columns={props.columns} />
      </Match>
      <Match when={props.def.kind === 'column'}>
        <ColumnInput {...common()} columns={props.columns} />
      </Match>
    </Switch>
  );
}
