/**
 * Who else is here: one avatar per person (initials in their colour, name in the tooltip). Click
 * to follow their view, click again to stop. More people than fit collapse into "+N".
 */
import { For, Show } from 'solid-js';
import type { Collaborator } from '../sync/create-presence.ts';
import { makeInitials } from './initials.ts';

/** Avatars shown before the rest collapse into "+N" (the top bar must fit 1280 px). */
export const MAX_VISIBLE_AVATARS = 4;

export interface PresenceAvatarsProps {
  collaborators: readonly Collaborator[];
  followingClientId: number | null;
  onFollow: (clientId: number | null) => void;
}

export function PresenceAvatars(props: PresenceAvatarsProps) {
  const visible = () => props.collaborators.slice(0, MAX_VISIBLE_AVATARS);
  const hidden = () => props.collaborators.slice(MAX_VISIBLE_AVATARS);
  const isFollowing = (person: Collaborator) => props.followingClientId === person.clientId;

  return (
    <Show when={props.collaborators.length > 0}>
      <ul class="avatars" aria-label={`${props.collaborators.length} other people here`}>
        <For each={visible()}>
          {(person) => (
            <li>
              <button
                type="button"
                class="avatar"
                classList={{ 'avatar--following': isFollowing(person) }}
                style={{ '--avatar-color': person.user.color }}
                aria-pressed={isFollowing(person)}
                aria-label={
                  isFollowing(person) ? `Stop following ${person.user.name}` : `Follow ${person.user.name}`
                }
                title={isFollowing(person) ? `Following ${person.user.name}` : person.user.name}
                data-testid="presence-avatar"
                data-user-id={person.user.id}
                onClick={() => props.onFollow(isFollowing(person) ? null : person.clientId)}
              >
                {makeInitials(person.user.name)}
              </button>
            </li>
          )}
        </For>
        <Show when={hidden().length > 0}>
          <li>
            <span
              class="avatar avatar--overflow"
              title={hidden()
                .map((person) => person.user.name)
                .join(', ')}
              role="img"
              aria-label={`and ${hidden().length} more: ${hidden()
                .map((person) => person.user.name)
                .join(', ')}`}
            >
              +{hidden().length}
            </span>
          </li>
        </Show>
      </ul>
    </Show>
  );
}
