/** A component's port types as small coloured chips: inputs → outputs. */
import { For, Show } from 'solid-js';
import type { ComponentDef } from '../../../shared/catalog/types.ts';
import { PORT_TYPE_NAMES } from '../canvas/port-types.ts';

export function PortTypes(props: { def: ComponentDef }) {
  const unique = (list: ComponentDef['inputs']) => [...new Set(list.map((p) => p.type))];
  const label = () =>
    `Inputs: ${
      unique(props.def.inputs)
        .map((t) => PORT_TYPE_NAMES[t])
        .join(', ') || 'none'
    }. Outputs: ${
      unique(props.def.outputs)
        .map((t) => PORT_TYPE_NAMES[t])
        .join(', ') || 'none'
    }.`;
  return (
    <span class="port-types" role="img" aria-label={label()}>
      <For each={unique(props.def.inputs)}>
        {(t) => (
          <span class="port-chip" data-type={t}>
            {t}
          </span>
        )}
      </For>
      <Show when={props.def.inputs.length > 0 && props.def.outputs.length > 0}>
        <span class="port-types__arrow" aria-hidden="true">
          →
        </span>
      </Show>
      <For each={unique(props.def.outputs)}>
        {(t) => (
          <span class="port-chip" data-type={t}>
            {t}
          </span>
        )}
      </For>
    </span>
  );
}
