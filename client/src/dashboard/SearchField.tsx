/**
 * The dashboard search box. Typing is debounced before it reaches the URL (?q=), and a change of
 * the URL from elsewhere (back button, "Clear search") flows back into the box. "/" focuses it.
 */

import { createEffect, createSignal, on, onCleanup, onMount } from 'solid-js';
import { LIMITS } from '../../../shared/api/schemas.ts';
import { Search } from '../components/icons.ts';
import { makeDebounced } from '../lib/debounce.ts';

export const SEARCH_DEBOUNCE_MS = 250;

export interface SearchFieldProps {
  value: string;
  onSearch: (value: string) => void;
  /** Placeholder and accessible name; defaults to "Search pipelines". */
  label?: string;
}

function isTypingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function SearchField(props: SearchFieldProps) {
  const [text, setText] = createSignal(props.value);
  let lastSent = props.value;
  let input!: HTMLInputElement;
  const send = makeDebounced((value: string) => {
    lastSent = value;
    props.onSearch(value);
  }, SEARCH_DEBOUNCE_MS);
  onCleanup(() => send.cancel());

  createEffect(
    on(
      () => props.value,
      (value) => {
        if (value === lastSent) return; // our own update coming back
        send.cancel();
        lastSent = value;
        setText(value);
      },
      { defer: true },
    ),
  );

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      input.focus();
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  return (
    <div class="search-field">
      <Search size={16} aria-hidden="true" class="search-field__icon" />
      <input
        ref={input}
        type="search"
        class="input search-field__input"
        placeholder={props.label ?? 'Search pipelines'}
        aria-label={props.label ?? 'Search pipelines'}
        aria-keyshortcuts="/"
        maxLength={LIMITS.searchMax}
        value={text()}
        onInput={(event) => {
          setText(event.currentTarget.value);
          send(event.currentTarget.value.trim());
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') send.flush();
        }}
      />
      <span class="search-field__hint" aria-hidden="true">
        /
      </span>
    </div>
  );
}
