/**
 * The canvas's suggestion list: a pill at the top left ("13 suggestions") that opens a panel with
 * every pending suggestion — its reason, confidence, and whether it is in the recommended set —
 * and, for people who may edit, Accept recommended / Reject all and per-item Accept / Reject.
 * "Show" brings a ghost into view. Only there while suggestions are pending; keyboard-operable
 * (Tab through the buttons, Escape closes and returns to the pill).
 */
import { createEffect, createSignal, createUniqueId, For, on, Show } from 'solid-js';
import type { SuggestionRecord } from '../../../shared/doc/suggestion-records.ts';
import type { Suggestions } from './create-suggestions.ts';
import { Check, CheckCheck, LocateFixed, Sparkles, X } from './ghost-icons.ts';

export interface SuggestionsPopoverProps {
  suggestions: Suggestions;
  readOnly: boolean;
  /** Brings a ghost into view on the canvas. */
  onShow(record: SuggestionRecord): void;
  /** Where focus goes when the list closes because nothing is left to decide. */
  onEmpty(): void;
}

export function SuggestionsPopover(props: SuggestionsPopoverProps) {
  const panelId = createUniqueId();
  const titleId = createUniqueId();
  const [open, setOpen] = createSignal(false);
  let trigger: HTMLButtonElement | undefined;
  let panel: HTMLDivElement | undefined;
  let list: HTMLUListElement | undefined;
  const s = props.suggestions;
  const count = () => s.pending().length;
  const recommended = () => s.pending().filter((record) => record.suggestion.recommended).length;
  const title = () => `${count()} ${count() === 1 ? 'suggestion' : 'suggestions'}`;

  createEffect(
    on(count, (now, before) => {
      if (now > 0 || !before) return;
      // Everything decided: the pill goes away, so focus must not stay on a removed button.
      const hadFocus = trigger?.contains(document.activeElement) || panel?.contains(document.activeElement);
      setOpen(false);
      if (hadFocus) props.onEmpty();
    }),
  );

  const toggle = () => {
    const next = !open();
    setOpen(next);
    if (next) queueMicrotask(() => panel?.querySelector<HTMLElement>('button')?.focus());
  };
  /** After a row is decided, focus moves to the row that took its place (or the last one). */
  const focusRow = (index: number) =>
    queueMicrotask(() => {
      const rows = list?.querySelectorAll<HTMLElement>('.suggestion-item') ?? [];
      const row = rows[Math.min(index, rows.length - 1)];
      (row?.querySelector<HTMLElement>('.suggestion-item__accept') ?? row?.querySelector('button'))?.focus();
    });
  const close = () => {
    setOpen(false);
    trigger?.focus();
  };

  return (
    <Show when={count() > 0}>
      <div class="suggestions">
        <button
          ref={trigger}
          type="button"
          class="suggestions__pill"
          aria-expanded={open()}
          aria-controls={panelId}
          onClick={toggle}
        >
          <Sparkles size={15} aria-hidden="true" />
          {title()}
        </button>
        <Show when={open()}>
          <div
            ref={panel}
            id={panelId}
            class="suggestions__panel"
            role="dialog"
            aria-labelledby={titleId}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              event.stopPropagation();
              close();
            }}
          >
            <header class="suggestions__header">
              <h2 id={titleId} class="suggestions__title">
                {title()}
              </h2>
              <button
                type="button"
                class="icon-button icon-button--small"
                aria-label="Close suggestions"
                onClick={close}
              >
                <X size={14} aria-hidden="true" />
              </button>
            </header>
            <p class="suggestions__intro">
              Proposed from the dataset’s profile. Accepting adds the node and wires it in; anyone on the
              pipeline sees the decision.
            </p>
            <Show when={!props.readOnly}>
              <div class="suggestions__bulk">
                <Show when={recommended() > 0}>
                  <button
                    type="button"
                    class="button button--primary button--small"
                    onClick={() => {
                      s.acceptRecommended();
                      // The button goes with the last recommended one: focus must not fall to the page.
                      focusRow(0);
                    }}
                  >
                    <CheckCheck size={14} aria-hidden="true" />
                    Accept recommended ({recommended()})
                  </button>
                </Show>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => s.rejectAll()}
                >
                  Reject all
                </button>
              </div>
            </Show>
            <ul ref={list} class="suggestions__list">
              <For each={s.keys()}>
                {(key, index) => (
                  <Show when={s.get(key)}>
                    {(record) => (
                      <SuggestionItem {...props} record={record()} onDecided={() => focusRow(index())} />
                    )}
                  </Show>
                )}
              </For>
            </ul>
          </div>
        </Show>
      </div>
    </Show>
  );
}

function SuggestionItem(props: SuggestionsPopoverProps & { record: SuggestionRecord; onDecided(): void }) {
  const s = props.suggestions;
  const label = () => s.label(props.record);
  const confidence = () => `${Math.round(props.record.suggestion.confidence * 100)}%`;
  return (
    <li class="suggestion-item" data-suggestion-key={props.record.key}>
      <div class="suggestion-item__title">
        <span class="suggestion-item__label">{label()}</span>
        <span class="suggestion-item__confidence">
          {confidence()}
          <span class="visually-hidden"> confidence</span>
        </span>
        <span
          class="suggestion-item__tag"
          classList={{ 'ghost__tag--recommended': props.record.suggestion.recommended }}
        >
          {props.record.suggestion.recommended ? 'Recommended' : 'Alternative'}
        </span>
      </div>
      <p class="suggestion-item__reason">{props.record.suggestion.reason}</p>
      <div class="suggestion-item__actions">
        <button
          type="button"
          class="button button--ghost button--small"
          aria-label={`Show ${label()} on the canvas`}
          onClick={() => props.onShow(props.record)}
        >
          <LocateFixed size={14} aria-hidden="true" />
          Show
        </button>
        <Show when={!props.readOnly}>
          <button
            type="button"
            class="button button--secondary button--small suggestion-item__accept"
            aria-label={`Accept ${label()}`}
            onClick={() => {
              s.accept(props.record.key);
              props.onDecided();
            }}
          >
            <Check size={14} aria-hidden="true" />
            Accept
          </button>
          <button
            type="button"
            class="button button--ghost button--small"
            aria-label={`Reject ${label()}`}
            onClick={() => {
              s.reject(props.record.key);
              props.onDecided();
            }}
          >
            <X size={14} aria-hidden="true" />
            Reject
          </button>
        </Show>
      </div>
    </li>
  );
}
