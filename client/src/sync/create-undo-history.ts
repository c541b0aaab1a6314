/**
 * This tab's undo history: a fresh user origin (so two tabs of one person undo independently) and
 * a Y.UndoManager that tracks only that origin, with reactive "can undo / can redo" for buttons.
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { createUndoManager, createUserOrigin, type UserEditOrigin } from '../../../shared/doc/index.ts';

export interface UndoHistory {
  /** Pass to every write this tab makes on the person's behalf. */
  origin: UserEditOrigin;
  manager: Y.UndoManager;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  undo(): void;
  redo(): void;
}

export function createUndoHistory(doc: Y.Doc, userId: string): UndoHistory {
  const origin = createUserOrigin(userId);
  const manager = createUndoManager(doc, origin);
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  const refresh = () => {
    setCanUndo(manager.canUndo());
    setCanRedo(manager.canRedo());
  };
  // Stack events miss one case: an undo step whose changes others have since overwritten is
  // dropped without an event. Every undo runs in a transaction, so re-reading after each
  // transaction is exact; it is two length checks, and unchanged signals notify nobody.
  const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
  for (const name of events) manager.on(name, refresh);
  doc.on('afterTransaction', refresh);
  onCleanup(() => {
    for (const name of events) manager.off(name, refresh);
    doc.off('afterTransaction', refresh);
    manager.destroy();
  });

  return {
    origin,
    manager,
    canUndo,
    canRedo,
    undo: () => {
      manager.undo();
    },
    redo: () => {
      manager.redo();
    },
  };
}
