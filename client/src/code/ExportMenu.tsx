/**
 * The Export menu button (WAI-ARIA menu button): Enter, Space or ArrowDown open it on the first
 * item, ArrowUp on the last, a pointer click opens it without moving focus; arrows, Home and End move; Enter picks; Escape closes and returns
 * focus to the button; Tab or a click elsewhere closes it.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';
import { ChevronDown, Download } from './icons.ts';

export interface ExportMenuProps {
  /** An export is downloading: the button waits for it. */
  busy: boolean;
  /** A line under the items, e.g. that local changes have not reached the server yet. */
  note?: string;
  onExport(format: ExportFormat): void;
}

export function ExportMenu(props: ExportMenuProps) {
  const menuId = createUniqueId();
  const buttonId = createUniqueId();
  const noteId = createUniqueId();
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  let root!: HTMLDivElement;
  const items: HTMLButtonElement[] = [];

  const focusItem = (index: number) => {
    const count = EXPORT_FORMATS.length;
    items[((index % count) + count) % count]?.focus();
  };
  const openAt = (index: number) => {
    setOpen(true);
    queueMicrotask(() => focusItem(index));
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.focus();
  };
  const pick = (format: ExportFormat) => {
    close(true);
    props.onExport(format);
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') openAt(0);
    else if (event.key === 'ArrowUp') openAt(EXPORT_FORMATS.length - 1);
    else return;
    event.preventDefault();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') focusItem(index + 1);
    else if (event.key === 'ArrowUp') focusItem(index - 1);
    else if (event.key === 'Home') focusItem(0);
    else if (event.key === 'End') focusItem(EXPORT_FORMATS.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      close(false);
      return; // let focus move on
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={root}
      class="menu"
      onFocusOut={(event) => {
        if (open() && !root.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        id={buttonId}
        type="button"
        class="button button--secondary button--small"
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={menuId}
        aria-busy={props.busy}
        disabled={props.busy}
        onClick={(event) => {
          if (open()) close(false);
          // Enter or Space (a click with no pointer detail) opens on the first item, as a keyboard expects.
          else if (event.detail === 0) openAt(0);
          else setOpen(true);
        }}
        onKeyDown={onButtonKeyDown}
      >
        <Download size={14} aria-hidden="true" />
        Export
        <ChevronDown size={14} aria-hidden="true" />
      </button>
      <Show when={open()}>
        <div class="menu__popover">
          <div
            id={menuId}
            role="menu"
            aria-labelledby={buttonId}
            aria-describedby={props.note ? noteId : undefined}
            tabIndex={-1}
            onKeyDown={onMenuKeyDown}
          >
            <For each={EXPORT_FORMATS}>
              {(spec, index) => (
                <button
                  ref={(element) => {
                    items[index()] = element;
                  }}
                  type="button"
                  role="menuitem"
                  class="menu__item"
                  tabIndex={-1}
                  aria-label={spec.label}
                  aria-describedby={`${menuId}-${spec.format}`}
                  onClick={() => pick(spec.format)}
                >
                  <span class="menu__label">{spec.label}</span>
                  <span id={`${menuId}-${spec.format}`} class="menu__detail">
                    {spec.detail}
                  </span>
                </button>
              )}
            </For>
          </div>
          <Show when={props.note}>
            <p id={noteId} class="menu__note">
              {props.note}
            </p>
          </Show>
        </div>
      </Show>
    </div>
  );
}
