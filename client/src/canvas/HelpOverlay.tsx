/**
 * The `?` overlay: every shortcut, from the same table the key handler uses. A modal dialog for
 * the keyboard: it takes focus when it opens, Tab and Shift+Tab cycle inside it, Escape (or `?`)
 * closes it, and focus then returns to where it was before it opened (the canvas itself when that
 * element is gone, e.g. a node someone deleted meanwhile).
 */

import { createUniqueId, For, onCleanup, onMount } from 'solid-js';
import { SHORTCUTS } from './controllers/keyboard.ts';
import { X } from './icons.ts';

const FOCUSABLE = 'button:not([disabled]), [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function HelpOverlay(props: { readOnly: boolean; mod: string; onClose(): void }) {
  const titleId = createUniqueId();
  // Read while the overlay is being created, before it takes focus.
  const returnTo = document.activeElement;
  let dialog!: HTMLDivElement;
  let close!: HTMLButtonElement;
  let application: HTMLElement | null = null;
  onMount(() => {
    application = dialog.parentElement?.closest<HTMLElement>('[role="application"]') ?? null;
    close.focus();
  });
  onCleanup(() => {
    // Only when focus was in the overlay (closed from the keyboard or its button): clicking the
    // canvas's `?` button again leaves focus on that button, and a page being torn down keeps its own.
    const active = document.activeElement;
    if (active && active !== document.body && !dialog.contains(active)) return;
    const target = returnTo instanceof HTMLElement || returnTo instanceof SVGElement ? returnTo : application;
    if (target?.isConnected) target.focus({ preventScroll: true });
    else application?.focus({ preventScroll: true });
  });
  const shown = () => SHORTCUTS.filter((s) => !props.readOnly || !s.editing);

  const cycleFocus = (backwards: boolean) => {
    const stops = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (stops.length === 0) return;
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const next = backwards
      ? at <= 0
        ? stops.length - 1
        : at - 1
      : at < 0 || at === stops.length - 1
        ? 0
        : at + 1;
    stops[next]?.focus();
  };

  return (
    <div
      ref={dialog}
      class="canvas-overlay canvas-help"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === '?') {
          event.preventDefault();
          event.stopPropagation();
          props.onClose();
        } else if (event.key === 'Tab') {
          event.preventDefault();
          event.stopPropagation();
          cycleFocus(event.shiftKey);
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
      {/* A tab stop of its own so the list can be scrolled with the arrow keys. */}
      <dl class="canvas-help__list" tabindex="0" aria-label="Shortcuts">
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
