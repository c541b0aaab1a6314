/**
 * Who else is on this pipeline, from awareness. Announces the local person (`user`; the canvas
 * adds cursor, selection and drag) and lists the others: one entry per person even when they have
 * several tabs open, each with the client id to follow (their most recently active tab).
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { type AwarenessUser, colorForUser, readPersonAwareness } from '../../../shared/doc/index.ts';

export interface Collaborator {
  user: AwarenessUser;
  /** The awareness client to follow: the person's tab that changed its state last. */
  clientId: number;
  /** How many tabs or windows the person has open here. */
  clients: number;
}

export interface Presence {
  /** Everyone here except the local person, in order of arrival. */
  collaborators: Accessor<readonly Collaborator[]>;
}

export function makeAwarenessUser(id: string, name: string): AwarenessUser {
  return { id, name, color: colorForUser(id) };
}

/** One entry per user id; later (more recently updated) clients win the follow target. */
export function listCollaborators(
  states: ReadonlyMap<number, unknown>,
  lastUpdated: (clientId: number) => number,
  localClientId: number,
  localUserId: string,
): Collaborator[] {
  const byUser = new Map<string, Collaborator & { updated: number }>();
  for (const [clientId, state] of states) {
    if (clientId === localClientId) continue;
    const person = readPersonAwareness(state);
    if (!person || person.user.id === localUserId) continue;
    const updated = lastUpdated(clientId);
    const known = byUser.get(person.user.id);
    if (!known) {
      byUser.set(person.user.id, { user: person.user, clientId, clients: 1, updated });
    } else {
      known.clients += 1;
      if (updated > known.updated) Object.assign(known, { user: person.user, clientId, updated });
    }
  }
  return [...byUser.values()].map(({ user, clientId, clients }) => ({ user, clientId, clients }));
}

export function createPresence(awareness: Awareness, user: AwarenessUser): Presence {
  // The canvas fills in cursor, selection and drag; start with "nothing yet" so the state is a
  // complete PersonAwareness that other clients can read from the first message.
  awareness.setLocalState({ user, cursor: null, selection: [], drag: null });

  const read = () =>
    listCollaborators(
      awareness.getStates(),
      (clientId) => awareness.meta.get(clientId)?.lastUpdated ?? 0,
      awareness.clientID,
      user.id,
    );
  const [collaborators, setCollaborators] = createSignal<readonly Collaborator[]>(read(), {
    equals: sameCollaborators,
  });
  // `change` fires when a state's content changes, not on the 30 s keep-alive renewals.
  const onChange = () => setCollaborators(read());
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));

  return { collaborators };
}

function sameCollaborators(a: readonly Collaborator[], b: readonly Collaborator[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, index) => {
      const other = b[index];
      return (
        entry.clientId === other.clientId &&
        entry.clients === other.clients &&
        entry.user.id === other.user.id &&
        entry.user.name === other.user.name &&
        entry.user.color === other.user.color
      );
    })
  );
}
