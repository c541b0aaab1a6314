/** The `?` overlay: every shortcut, from the same table the key handler uses. */

import { createUniqueId, For, onMount } from 'solid-js';
import { SHORTCUTS } from './controllers/keyboard.ts';
import { X } from './icons.ts';

export function HelpOverlay(props: { readOnly: boolean; mod: string; onClose(): void }) {
  const titleId = createUniqueId();
  let close!: HTMLButtonElement;
  onMount(() => close.focus());
  const shown = () => SHORTCUTS.filter((s) => !props.readOnly || !s.editing);
  return (
    <div
      class="canvas-overlay canvas-help"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === '?') {
          event.preventDefault();
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <header class="canvas-overlay__header">
        <h2 id={titleId} class="canvas-overlay__title">
          Keyboard shortcuts
        </h2>
        <button
          ref={close}
          type="button"
          class="icon-button"
          aria-label="Close shortcuts"
          onClick={() => props.onClose()}
        >
          <X size={16} aria-hidden="true" />
        </button>
      </header>
      <dl class="canvas-help__list">
        <For each={shown()}>
          {(s) => (
            <div class="canvas-help__row">
              <dt class="canvas-help__keys">
                <For each={s.keys}>{(k) => <kbd>{k === 'Mod' ? props.mod : k}</kbd>}</For>
              </dt>
              <dd class="canvas-help__text">{s.description.replaceAll('Mod', props.mod)}</dd>
            </div>
          )}
        </For>
      </dl>
    </div>
  );
}
