import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  createPresence,
  listCollaborators,
  makeAwarenessUser,
} from '../../client/src/sync/create-presence.ts';
import { colorForUser } from '../../shared/doc/index.ts';

const person = (id: string, name = id) => ({
  user: { id, name, color: colorForUser(id) },
  cursor: null,
  selection: [],
  drag: null,
});

describe('listCollaborators', () => {
  it('lists each other person once, following their most recently active tab', () => {
    const states = new Map<number, unknown>([
      [1, person('me')],
      [2, person('bob')],
      [3, person('carol')],
      [4, person('bob')],
      [5, person('me')], // my other tab: not someone else
      [6, { user: 'not a person' }],
    ]);
    const updated = new Map([
      [2, 10],
      [3, 5],
      [4, 20],
    ]);
    const list = listCollaborators(states, (id) => updated.get(id) ?? 0, 1, 'me');
    expect(list.map((entry) => [entry.user.id, entry.clientId, entry.clients])).toEqual([
      ['bob', 4, 2],
      ['carol', 3, 1],
    ]);
  });
});

describe('createPresence', () => {
  it('announces the local person and follows others arriving and leaving', () => {
    const local = new Awareness(new Y.Doc());
    const remote = new Awareness(new Y.Doc());
    remote.setLocalState(person('bob', 'Bob'));
    createRoot((dispose) => {
      const presence = createPresence(local, makeAwarenessUser('alice', 'Alice'));
      expect(local.getLocalState()).toEqual({ ...person('alice', 'Alice') });
      expect(presence.collaborators()).toEqual([]);

      applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
      expect(presence.collaborators().map((entry) => entry.user.name)).toEqual(['Bob']);

      remote.setLocalState(null);
      applyAwarenessUpdate(local, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
      expect(presence.collaborators()).toEqual([]);
      dispose();
    });
    local.destroy();
    remote.destroy();
  });
});
