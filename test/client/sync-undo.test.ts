import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUndoHistory, type UndoHistory } from '../../client/src/sync/create-undo-history.ts';
import { MIGRATION_ORIGIN, setMeta } from '../../shared/doc/index.ts';

/** Two replicas that deliver every update to each other at once. */
function makeConnectedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b);
  });
  return [a, b];
}

function withHistory(doc: Y.Doc, userId: string): { history: UndoHistory; dispose: () => void } {
  return createRoot((dispose) => ({ history: createUndoHistory(doc, userId), dispose }));
}

const name = (doc: Y.Doc) => doc.getMap('meta').get('name');

describe('createUndoHistory', () => {
  it('undoes only this tab’s edits and keeps the buttons’ state exact', () => {
    const [a, b] = makeConnectedPair();
    setMeta(a, MIGRATION_ORIGIN, { name: 'Seed' });
    const alice = withHistory(a, 'alice');
    const bob = withHistory(b, 'bob');
    expect(alice.history.canUndo()).toBe(false);

    setMeta(a, alice.history.origin, { name: 'Alice' });
    expect(alice.history.canUndo()).toBe(true);
    expect(bob.history.canUndo()).toBe(false);
    setMeta(b, bob.history.origin, { name: 'Bob' });

    // Bob overwrote Alice's edit: her undo has nothing left to revert and must not touch his.
    alice.history.undo();
    expect(name(a)).toBe('Bob');
    expect(alice.history.canUndo()).toBe(false);
    expect(alice.history.canRedo()).toBe(false);

    bob.history.undo();
    expect(name(a)).toBe('Alice');
    expect(bob.history.canRedo()).toBe(true);
    bob.history.redo();
    expect(name(a)).toBe('Bob');
    alice.dispose();
    bob.dispose();
  });

  it('gives two tabs of one person separate histories', () => {
    const [a, b] = makeConnectedPair();
    const tab1 = withHistory(a, 'alice');
    const tab2 = withHistory(b, 'alice');
    setMeta(a, tab1.history.origin, { name: 'From tab 1' });
    expect(tab1.history.canUndo()).toBe(true);
    expect(tab2.history.canUndo()).toBe(false);
    tab1.dispose();
    tab2.dispose();
  });
});
