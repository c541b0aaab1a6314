/**
 * The quick-add palette (Ctrl/Cmd+K): type to filter components, arrows to move, Enter to add at
 * the pointer (or the middle of the view). A combobox with a listbox, so screen readers follow
 * the active option while focus stays in the text field.
 */

import { createMemo, createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { ComponentDef, ComponentRegistry } from '../../../shared/catalog/types.ts';
import { CATEGORY_LABELS, searchComponents } from './component-search.ts';
import { iconFor, Search } from './icons.ts';

export interface QuickAddPaletteProps {
  registry: ComponentRegistry;
  onPick(type: string): void;
  onClose(): void;
}

export function QuickAddPalette(props: QuickAddPaletteProps) {
  const listId = createUniqueId();
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(0);
  const results = createMemo(() => searchComponents(props.registry.all(), query()));
  const optionId = (i: number) => `${listId}-${i}`;
  let input!: HTMLInputElement;
  let list!: HTMLDivElement;
  onMount(() => input.focus());

  const move = (delta: number) => {
    const n = results().length;
    if (n === 0) return;
    const next = (active() + delta + n) % n;
    setActive(next);
    list.querySelector(`#${CSS.escape(optionId(next))}`)?.scrollIntoView?.({ block: 'nearest' });
  };
  const pick = (def: ComponentDef | undefined) => {
    if (def) props.onPick(def.id);
  };

  return (
    <div
      class="canvas-overlay canvas-palette"
      role="dialog"
      aria-label="Add a component"
      onFocusOut={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onClose();
      }}
    >
      <div class="canvas-palette__search">
        <Search size={16} aria-hidden="true" />
        <input
          ref={input}
          class="canvas-palette__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results().length > 0 ? optionId(active()) : undefined}
          aria-label="Search components"
          placeholder="Add a component…"
          value={query()}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            const keys: Record<string, () => void> = {
              ArrowDown: () => move(1),
              ArrowUp: () => move(-1),
              Enter: () => pick(results()[active()]),
              Escape: () => props.onClose(),
            };
            const action = keys[event.key];
            if (!action) return;
            event.preventDefault();
            event.stopPropagation();
            action();
          }}
        />
        <kbd>Esc</kbd>
      </div>
      <div ref={list} id={listId} class="canvas-palette__list" role="listbox" aria-label="Components">
        <For each={results()}>
          {(def, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: options take no focus; the combobox keeps it, handles the keys and points at the active option (aria-activedescendant).
            <div
              id={optionId(i())}
              role="option"
              class="canvas-palette__option"
              data-category={def.category}
              aria-selected={i() === active()}
              onPointerDown={(event) => event.preventDefault()}
              onPointerEnter={() => setActive(i())}
              onClick={() => pick(def)}
            >
              <span class="canvas-palette__icon" aria-hidden="true">
                <Dynamic component={iconFor(def.icon, def.category)} size={16} stroke-width={1.75} />
              </span>
              <span class="canvas-palette__text">
                <span class="canvas-palette__label">{def.label}</span>
                <span class="canvas-palette__description">{def.description}</span>
              </span>
              <span class="canvas-palette__category">{CATEGORY_LABELS[def.category]}</span>
            </div>
          )}
        </For>
      </div>
      <Show when={results().length === 0}>
        <p class="canvas-palette__empty" role="status">
          No component matches “{query()}”.
        </p>
      </Show>
    </div>
  );
}
