/**
 * Undo that belongs to one person, and gestures that undo as one step.
 *
 * A Y.UndoManager merges consecutive tracked transactions that happen within `captureTimeout` of
 * each other into one undo step. That is what continuous input wants (each keystroke in a label
 * field is its own transaction; a word should undo at once), and what discrete actions do not
 * want (a delete right after a drag must not undo together with the drag). So:
 * - continuous input calls the operations directly and merges within the capture window;
 * - every discrete user action runs inside `gesture(...)`: one transaction, fenced so that it
 *   neither merges into the step before nor lets the next edit merge into it. Composite actions
 *   (add node + connect, paste, tidy up) are therefore one step however many operations they call.
 */
import * as Y from 'yjs';
import { getEdgesMap, getMetaMap, getNodesMap, getSuggestionsMap } from './layout.ts';
import type { DocOrigin, UserEditOrigin } from './origins.ts';

/**
 * Longer than the pause between keystrokes or slider ticks within one edit (~100–300 ms), shorter
 * than the pause between two deliberate actions. Discrete actions do not depend on it: gestures
 * are fenced explicitly.
 */
export const UNDO_CAPTURE_TIMEOUT_MS = 500;

/** Transaction meta key marking a gesture; a symbol so no other code can collide with it. */
const GESTURE = Symbol('dominoml.gesture');

export interface UndoManagerOptions {
  /** Override the merge window (tests use 0 to make undo steps independent of the clock). */
  captureTimeoutMs?: number;
}

/**
 * An undo manager over the whole pipeline document (meta, nodes, edges, and the suggestions whose
 * accept or reject is a person's edit) that tracks only `userOrigin`: remote,
 * migration and restore transactions are never undone by a person, and undoing never reverts
 * another person's interleaved edits (Yjs undo is selective).
 */
export function createUndoManager(
  doc: Y.Doc,
  userOrigin: UserEditOrigin,
  options: UndoManagerOptions = {},
): Y.UndoManager {
  // The manager consults `captureTransaction` first for every transaction, before deciding whether
  // to merge it into the previous step; that is the hook for fencing gestures. Set when the last
  // tracked transaction was a gesture, so the next tracked one starts a new step.
  let previousWasGesture = false;
  const manager: Y.UndoManager = new Y.UndoManager(
    [getMetaMap(doc), getNodesMap(doc), getEdgesMap(doc), getSuggestionsMap(doc)],
    {
      trackedOrigins: new Set<unknown>([userOrigin]),
      captureTimeout: options.captureTimeoutMs ?? UNDO_CAPTURE_TIMEOUT_MS,
      captureTransaction: (transaction) => {
        // Transactions that changed nothing (a refused `connect`) are not steps and move no fence.
        if (transaction.origin !== userOrigin || transaction.changed.size === 0) return true;
        const isGesture = transaction.meta.has(GESTURE);
        if (isGesture || previousWasGesture) manager.stopCapturing();
        previousWasGesture = isGesture;
        return true;
      },
    },
  );
  return manager;
}

/**
 * Runs `action` as one user gesture: one transaction with `origin`, hence one undo step with a
 * clean boundary on both sides. Operations called inside join this transaction (a nested
 * `doc.transact` runs in the outer one and keeps the outer origin). Returns what `action` returns.
 * Yjs cannot roll a transaction back: if `action` throws, what it wrote before stays, which is why
 * operations validate their input before writing.
 */
export function gesture<T>(doc: Y.Doc, origin: DocOrigin, action: () => T): T {
  let result: T | undefined;
  doc.transact((transaction) => {
    transaction.meta.set(GESTURE, true);
    result = action();
  }, origin);
  return result as T;
}
