/**
 * One component in the library: icon, name, one-line description and port types. Editors drag it
 * onto the canvas (HTML5 drag with the component id) or press Enter / click to add it in the
 * middle of the view; viewers see the same entry without either affordance.
 */
import { Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { ComponentDef } from '../../../shared/catalog/types.ts';
import { COMPONENT_DRAG_TYPE } from '../canvas/drag-type.ts';
import { iconFor } from '../canvas/icons.ts';
import { PortTypes } from './PortTypes.tsx';

export interface LibraryItemProps {
  def: ComponentDef;
  readOnly: boolean;
  onAdd(type: string): void;
}

export function LibraryItem(props: LibraryItemProps) {
  const body = () => (
    <>
      <span class="library-item__icon" aria-hidden="true">
        <Dynamic component={iconFor(props.def.icon, props.def.category)} size={16} stroke-width={1.75} />
      </span>
      <span class="library-item__text">
        <span class="library-item__label">{props.def.label}</span>
        <span class="library-item__description">{props.def.description}</span>
        <PortTypes def={props.def} />
      </span>
    </>
  );
  return (
    <li class="library-item" data-category={props.def.category}>
      <Show when={!props.readOnly} fallback={<div class="library-item__body">{body()}</div>}>
        <button
          type="button"
          class="library-item__body library-item__button"
          draggable="true"
          data-component={props.def.id}
          aria-description="Press Enter to add it to the middle of the canvas, or drag it onto the canvas."
          title={`${props.def.shortName}: click or drag onto the canvas`}
          onClick={() => props.onAdd(props.def.id)}
          onDragStart={(event) => {
            if (!event.dataTransfer) return;
            event.dataTransfer.setData(COMPONENT_DRAG_TYPE, props.def.id);
            event.dataTransfer.setData('text/plain', props.def.label);
            event.dataTransfer.effectAllowed = 'copy';
          }}
        >
          {body()}
        </button>
      </Show>
    </li>
  );
}
