/** The tag the list is filtered by, as a chip with a button that removes the filter. */

import { Show } from 'solid-js';
import { Tag, X } from '../components/icons.ts';

export function ActiveTagFilter(props: { tag: string | undefined; onClear: () => void }) {
  return (
    <Show when={props.tag}>
      {(tag) => (
        <span class="filter-chip">
          <Tag size={14} aria-hidden="true" />
          <span>
            Tag: <strong>{tag()}</strong>
          </span>
          <button
            type="button"
            class="icon-button icon-button--small"
            aria-label={`Remove tag filter ${tag()}`}
            onClick={() => props.onClear()}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </span>
      )}
    </Show>
  );
}
