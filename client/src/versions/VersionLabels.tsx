/** A version's coloured labels; editors remove them and add new ones (name and colour). */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { VersionLabel } from '../../../shared/api/types.ts';
import { Plus, X } from './icons.ts';

export const DEFAULT_LABEL_COLOR = '#2f855a';

export interface VersionLabelsProps {
  labels: readonly VersionLabel[];
  canEdit: boolean;
  onAdd: (label: VersionLabel) => Promise<void>;
  onRemove: (name: string) => void;
}

export function VersionLabels(props: VersionLabelsProps) {
  const [adding, setAdding] = createSignal(false);
  const [name, setName] = createSignal('');
  const [color, setColor] = createSignal(DEFAULT_LABEL_COLOR);
  const id = createUniqueId();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (name().trim() === '') return;
    await props.onAdd({ name: name().trim(), color: color() });
    setName('');
    setAdding(false);
  };
  return (
    <div class="version-labels">
      <For each={props.labels}>
        {(label) => (
          <span class="version-label" style={{ '--label-color': label.color }}>
            {label.name}
            <Show when={props.canEdit}>
              <button
                type="button"
                class="version-label__remove"
                aria-label={`Remove label ${label.name}`}
                onClick={() => props.onRemove(label.name)}
              >
                <X size={10} aria-hidden="true" />
              </button>
            </Show>
          </span>
        )}
      </For>
      <Show when={props.canEdit}>
        <Show
          when={adding()}
          fallback={
            <button type="button" class="version-label version-label--add" onClick={() => setAdding(true)}>
              <Plus size={10} aria-hidden="true" /> Label
            </button>
          }
        >
          <form class="label-form" onSubmit={submit}>
            <label class="visually-hidden" for={`${id}-name`}>
              Label name
            </label>
            <input
              id={`${id}-name`}
              class="label-form__name"
              placeholder="production"
              maxLength={40}
              autofocus
              value={name()}
              onInput={(event) => setName(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setAdding(false);
              }}
            />
            <label class="visually-hidden" for={`${id}-color`}>
              Label colour
            </label>
            <input
              id={`${id}-color`}
              type="color"
              class="label-form__color"
              value={color()}
              onInput={(event) => setColor(event.currentTarget.value)}
            />
            <button
              type="submit"
              class="button button--primary button--small"
              disabled={name().trim() === ''}
            >
              Add
            </button>
          </form>
        </Show>
      </Show>
    </div>
  );
}
