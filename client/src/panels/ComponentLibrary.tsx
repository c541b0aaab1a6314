/**
 * <ComponentLibrary>: every catalog component, searchable, grouped by category in collapsible
 * sections. Arrow keys move between entries (from the search field too), Enter adds one in the
 * middle of the canvas, dragging drops it where you let go.
 *
 * Props:
 * - `registry`: the component catalog.
 * - `readOnly`: viewers can browse but not add.
 * - `onAdd(type, at?)`: add a component; `at` (canvas units) is only given by callers that know a
 *   position. The page forwards it to the canvas API (`CanvasApi.addComponent`).
 * - `header` (optional): a section above the categories (the pipeline's datasets), hidden while
 *   searching; its buttons join the arrow-key navigation when they use the library's classes.
 */
import { createMemo, createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import type { ComponentCategory, ComponentRegistry } from '../../../shared/catalog/types.ts';
import { CATEGORY_LABELS, groupByCategory, searchComponents } from '../canvas/component-search.ts';
import type { Point } from '../canvas/controllers/geometry.ts';
import { ChevronDown, ChevronRight, Search } from '../canvas/icons.ts';
import { LibraryItem } from './LibraryItem.tsx';
import './panels.css';

export interface ComponentLibraryProps {
  registry: ComponentRegistry;
  readOnly: boolean;
  onAdd(type: string, at?: Point): void;
  header?: JSX.Element;
}

export function ComponentLibrary(props: ComponentLibraryProps) {
  const searchId = createUniqueId();
  const [query, setQuery] = createSignal('');
  const [collapsed, setCollapsed] = createSignal<ReadonlySet<ComponentCategory>>(new Set());
  const results = createMemo(() => searchComponents(props.registry.all(), query()));
  const groups = createMemo(() => groupByCategory(results()));
  const searching = () => query().trim() !== '';
  // While searching every match is shown: a hit hidden in a collapsed section would look like no hit.
  const isOpen = (c: ComponentCategory) => searching() || !collapsed().has(c);
  let list!: HTMLDivElement;

  const toggle = (c: ComponentCategory) => {
    const next = new Set(collapsed());
    if (next.has(c)) next.delete(c);
    else next.add(c);
    setCollapsed(next);
  };

  const focusables = () => [
    ...list.querySelectorAll<HTMLElement>('.library-item__button, .library-category__toggle'),
  ];
  const moveFocus = (from: Element | null, delta: 1 | -1) => {
    const items = focusables();
    const index = from ? items.indexOf(from as HTMLElement) : -1;
    items[Math.max(0, Math.min(items.length - 1, index + delta))]?.focus();
  };

  return (
    <section class="library" aria-label="Component library">
      <div class="library__search">
        <Search size={15} aria-hidden="true" />
        <label class="visually-hidden" for={searchId}>
          Search components
        </label>
        <input
          id={searchId}
          class="library__search-input"
          type="search"
          placeholder="Search components"
          autocomplete="off"
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              moveFocus(null, 1);
            } else if (event.key === 'Enter' && !props.readOnly && results().length > 0) {
              event.preventDefault();
              props.onAdd(results()[0].id);
            }
          }}
        />
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys between the buttons inside; each is reachable with Tab too. */}
      <div
        ref={list}
        class="library__list"
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          moveFocus(document.activeElement, event.key === 'ArrowDown' ? 1 : -1);
        }}
      >
        <Show when={!searching()}>{props.header}</Show>
        <For each={groups()}>
          {(group) => {
            const sectionId = createUniqueId();
            return (
              <div class="library-category" data-category={group.category}>
                <h3 class="library-category__heading">
                  <button
                    type="button"
                    class="library-category__toggle"
                    aria-expanded={isOpen(group.category)}
                    aria-controls={sectionId}
                    onClick={() => toggle(group.category)}
                  >
                    <Show
                      when={isOpen(group.category)}
                      fallback={<ChevronRight size={14} aria-hidden="true" />}
                    >
                      <ChevronDown size={14} aria-hidden="true" />
                    </Show>
                    <span class="library-category__swatch" aria-hidden="true" />
                    <span class="library-category__name">{CATEGORY_LABELS[group.category]}</span>
                    <span class="library-category__count">{group.items.length}</span>
                  </button>
                </h3>
                <ul id={sectionId} class="library-category__items" hidden={!isOpen(group.category)}>
                  <For each={group.items}>
                    {(def) => (
                      <LibraryItem def={def} readOnly={props.readOnly} onAdd={(type) => props.onAdd(type)} />
                    )}
                  </For>
                </ul>
              </div>
            );
          }}
        </For>
        <Show when={results().length === 0}>
          <p class="panel-empty__text library__none" role="status">
            No component matches “{query()}”. Try a class name like <code>StandardScaler</code> or a port type
            like <code>split</code>.
          </p>
        </Show>
      </div>
    </section>
  );
}
