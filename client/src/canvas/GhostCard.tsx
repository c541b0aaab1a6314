/**
 * A suggested node as a ghost: the card it would become (header, icon, ports at the same places,
 * so dashed edges land where real ones would), drawn dashed and translucent, with why it is
 * suggested, how sure, and Accept / Reject for people who may edit. Viewers and commenters see
 * the same card without the buttons.
 */
import { createMemo, createUniqueId, For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { PortType } from '../../../shared/catalog/types.ts';
import type { SuggestionRecord } from '../../../shared/doc/suggestion-records.ts';
import { PORT_ROW, portOffset, portsHeight } from './controllers/node-layout.ts';
import { Check, X } from './ghost-icons.ts';
import { iconFor } from './icons.ts';
import { PORT_TYPE_NAMES } from './port-types.ts';
import { useCanvasScope } from './scope.ts';

export interface GhostCardProps {
  record: SuggestionRecord;
  label: string;
  onAccept(key: string): void;
  onReject(key: string): void;
}

export function GhostCard(props: GhostCardProps) {
  const scope = useCanvasScope();
  const reasonId = createUniqueId();
  const def = createMemo(() => scope.registry.get(props.record.suggestion.componentType));
  const confidence = () => `${Math.round(props.record.suggestion.confidence * 100)}%`;
  const shape = () => ({
    inputs: def()?.inputs.length ?? 0,
    outputs: def()?.outputs.length ?? 0,
    summaryLines: 0,
  });
  const role = () => (props.record.suggestion.recommended ? 'Recommended' : 'Alternative');

  // The buttons are for the pointer and stay out of the Tab order (tabindex -1): the canvas is one
  // Tab stop whose walk visits real nodes, and Shift+Tab out of it must not land in fifteen ghosts'
  // buttons. The keyboard route to the same decisions is the suggestions list (SuggestionsPopover).
  // Keys pressed on a button that has focus (after a click) are its own: the canvas's shortcuts
  // (Delete, arrows, Tab walking nodes) apply to real nodes only.
  const keepKeys = (event: KeyboardEvent) => event.stopPropagation();
  // A press on a button must not start a pan (the pan would capture the pointer and eat the click).
  const keepPointer = (event: PointerEvent) => event.stopPropagation();

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card is not a form group; role=group names it for assistive tech.
    <div
      class="ghost"
      data-suggestion-key={props.record.key}
      data-category={def()?.category ?? 'unknown'}
      data-recommended={props.record.suggestion.recommended}
      role="group"
      aria-roledescription="suggestion"
      aria-label={`Suggested: ${props.label}, ${confidence()} confidence, ${role().toLowerCase()}`}
      aria-describedby={reasonId}
      style={{ left: `${props.record.x}px`, top: `${props.record.y}px` }}
    >
      <div class="ghost__header">
        <span class="ghost__icon" aria-hidden="true">
          <Dynamic component={iconFor(def()?.icon, def()?.category)} size={16} stroke-width={1.75} />
        </span>
        <span class="ghost__titles">
          <span class="ghost__label" title={props.label}>
            {props.label}
          </span>
          <span class="ghost__short">{def()?.shortName ?? props.record.suggestion.componentType}</span>
        </span>
      </div>
      <For each={def()?.inputs ?? []}>
        {(port, index) => <GhostPort side="in" index={index()} label={port.label} type={port.type} />}
      </For>
      <For each={def()?.outputs ?? []}>
        {(port, index) => <GhostPort side="out" index={index()} label={port.label} type={port.type} />}
      </For>
      <div class="ghost__body" style={{ 'margin-top': `${portsHeight(shape())}px` }}>
        <div class="ghost__meta">
          <span
            class="ghost__tag"
            classList={{ 'ghost__tag--recommended': props.record.suggestion.recommended }}
          >
            {role()}
          </span>
          <span class="ghost__confidence" title="How sure DominoML is that this helps">
            {confidence()}
          </span>
        </div>
        <p id={reasonId} class="ghost__reason" title={props.record.suggestion.reason}>
          {props.record.suggestion.reason}
        </p>
        <Show when={!scope.readOnly()}>
          <div class="ghost__actions">
            <button
              type="button"
              class="ghost__button ghost__button--accept"
              tabindex="-1"
              onKeyDown={keepKeys}
              onPointerDown={keepPointer}
              aria-label={`Accept suggestion: ${props.label}`}
              onClick={() => props.onAccept(props.record.key)}
            >
              <Check size={14} aria-hidden="true" />
              Accept
            </button>
            <button
              type="button"
              class="ghost__button ghost__button--reject"
              tabindex="-1"
              onKeyDown={keepKeys}
              onPointerDown={keepPointer}
              aria-label={`Reject suggestion: ${props.label}`}
              onClick={() => props.onReject(props.record.key)}
            >
              <X size={14} aria-hidden="true" />
              Reject
            </button>
          </div>
        </Show>
      </div>
    </div>
  );
}

/** A port marker where the real node's port would be, with its type as a tooltip. */
function GhostPort(props: { side: 'in' | 'out'; index: number; label: string; type: PortType }) {
  return (
    <div
      class={`ghost-port-row ghost-port-row--${props.side}`}
      style={{ top: `${portOffset(props.side, props.index).y - PORT_ROW / 2 - 1}px` }}
      aria-hidden="true"
    >
      <span
        class={`ghost-port ghost-port--${props.side}`}
        data-type={props.type}
        title={PORT_TYPE_NAMES[props.type] ?? props.type}
      />
      <span class="ghost-port-row__label">{props.label}</span>
    </div>
  );
}
