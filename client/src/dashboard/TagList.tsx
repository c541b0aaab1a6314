/** A pipeline's tags; each one is a button that filters the list to that tag. */
import { For } from 'solid-js';

export interface TagListProps {
  tags: readonly string[];
  activeTag: string | undefined;
  onSelect: (tag: string) => void;
}

export function TagList(props: TagListProps) {
  return (
    <ul class="tag-list" aria-label="Tags">
      <For each={props.tags}>
        {(tag) => (
          <li>
            <button
              type="button"
              class="tag"
              aria-pressed={props.activeTag === tag}
              onClick={() => props.onSelect(tag)}
            >
              <span class="visually-hidden">Filter by tag </span>
              {tag}
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}
