/**
 * Following another person's view. Follows a person (user id), not a tab: the canvas gets the
 * client id of their most recently active tab. Stops when they leave, on Escape, or on request.
 */
import { type Accessor, createEffect, createSignal, onCleanup } from 'solid-js';
import type { Collaborator } from '../sync/create-presence.ts';

export interface Following {
  person: Accessor<Collaborator | undefined>;
  clientId: Accessor<number | null>;
  /** Follow the person behind this awareness client; null stops following. */
  follow(clientId: number | null): void;
}

export function createFollowing(collaborators: Accessor<readonly Collaborator[]>): Following {
  const [userId, setUserId] = createSignal<string | null>(null);
  const person = () => {
    const id = userId();
    return id === null ? undefined : collaborators().find((entry) => entry.user.id === id);
  };

  createEffect(() => {
    if (userId() !== null && !person()) setUserId(null); // they left
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && userId() !== null && !event.defaultPrevented) setUserId(null);
  };
  window.addEventListener('keydown', onKeyDown);
  onCleanup(() => window.removeEventListener('keydown', onKeyDown));

  return {
    person,
    clientId: () => person()?.clientId ?? null,
    follow(clientId) {
      const target =
        clientId === null ? undefined : collaborators().find((entry) => entry.clientId === clientId);
      setUserId(target?.user.id ?? null);
    },
  };
}
