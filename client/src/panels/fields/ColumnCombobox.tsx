/**
 * A text input with a list of known columns under it (ARIA combobox, list autocomplete with
 * automatic selection): typing filters the list and highlights the first match, arrow keys move,
 * Enter takes the highlighted column, Escape closes the list (then Enter keeps exactly what was
 * typed, so names the analysis does not know can still be entered). Clicking an option takes it.
 *
 * Controlled: the parent owns the text and decides what taking a column or Enter means. The list
 * is positioned against the nearest `.column-picker-anchor` ancestor.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ColumnOption } from '../inspector-extensions.ts';
import { dtypeHint, matchColumns } from './column-options.ts';
import './column-picker.css';

export interface ColumnComboboxProps {
  id: string;
  describedBy: string;
  text: string;
  /** What filters the list; defaults to `text`. A single-column field passes only its draft, so the
   * stored value does not hide the other columns. */
  query?: string;
  options: readonly ColumnOption[];
  /** Names not to offer (already chosen). */
  exclude?: readonly string[];
  placeholder?: string;
  class?: string;
  invalid?: boolean;
  /** Names the list for screen readers ("Columns of the input table"). */
  listLabel: string;
  onText(text: string): void;
  onPick(name: string): void;
  /** Enter with nothing highlighted: the typed text as it is. */
  onEnter(): void;
  /** Escape with the list closed (e.g. drop a draft). */
  onEscape?(event: KeyboardEvent): void;
  onBlur?(): void;
  /** Backspace in an empty field (remove the last tag). */
  onBackspaceEmpty?(): void;
}

export function ColumnCombobox(props: ColumnComboboxProps) {
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(-1);
  const matches = createMemo(() => matchColumns(props.options, props.query ?? props.text, props.exclude));
  const listId = () => `${props.id}-columns`;
  const optionId = (index: number) => `${props.id}-column-${index}`;
  const expanded = () => open() && matches().shown.length > 0;

  const show = (highlight: number) => {
    setOpen(true);
    setActive(Math.min(highlight, matches().shown.length - 1));
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (name: string) => {
    close();
    props.onPick(name);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = matches().shown.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded()) show(0);
        else setActive((index) => Math.min(count - 1, index + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (expanded()) setActive((index) => Math.max(0, index - 1));
        break;
      case 'Enter': {
        event.preventDefault();
        const option = expanded() ? matches().shown[active()] : undefined;
        if (option) pick(option.name);
        else {
          close();
          props.onEnter();
        }
        break;
      }
      case 'Escape':
        if (expanded()) {
          event.preventDefault();
          event.stopPropagation();
          close();
        } else props.onEscape?.(event);
        break;
      case 'Tab':
        close();
        break;
      case 'Backspace':
        if (props.text === '') props.onBackspaceEmpty?.();
        break;
      default:
        break;
    }
  };

  return (
    <>
      <input
        id={props.id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        class={props.class}
        value={props.text}
        placeholder={props.placeholder}
        aria-autocomplete="list"
        aria-expanded={expanded()}
        aria-controls={listId()}
        aria-activedescendant={expanded() && active() >= 0 ? optionId(active()) : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? 'true' : undefined}
        onInput={(event) => {
          const value = event.currentTarget.value;
          props.onText(value);
          // Typing highlights the best match, so Enter takes it; Escape first keeps the text as is.
          show(value.trim() === '' ? -1 : 0);
        }}
        onFocus={() => show(-1)}
        onClick={() => {
          if (!open()) show(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          props.onBlur?.();
        }}
      />
      <div class="column-picker" hidden={!expanded()}>
        <div id={listId()} role="listbox" aria-label={props.listLabel} class="column-picker__list">
          <For each={matches().shown}>
            {(option, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: options take no focus; the combobox input keeps it, handles the keys and points at the active option (aria-activedescendant).
              <div
                id={optionId(index())}
                role="option"
                aria-selected={index() === active()}
                class="column-picker__option"
                classList={{ 'column-picker__option--active': index() === active() }}
                // Keep focus in the input: a click must not blur it before the pick.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option.name)}
              >
                <span class="column-picker__name">{option.name}</span>
                <Show when={option.dtype}>
                  <span class="column-picker__dtype">{dtypeHint(option.dtype)}</span>
                </Show>
              </div>
            )}
          </For>
        </div>
        <Show when={matches().more > 0}>
          <p class="column-picker__more">{matches().more} more — type to narrow</p>
        </Show>
      </div>
    </>
  );
}
