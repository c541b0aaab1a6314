/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, anywhere on the builder page, except in
 * text fields (they keep their own text undo) and when something closer (the canvas) already
 * handled the key.
 */
import { onCleanup } from 'solid-js';

export type UndoShortcut = 'undo' | 'redo' | null;

export function matchUndoShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): UndoShortcut {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file'].includes(target.type);
}

export function createUndoShortcuts(actions: { undo(): void; redo(): void; enabled(): boolean }): void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || !actions.enabled() || isTextEntry(event.target)) return;
    const shortcut = matchUndoShortcut(event);
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut === 'undo') actions.undo();
    else actions.redo();
  };
  window.addEventListener('keydown', onKeyDown);
  onCleanup(() => window.removeEventListener('keydown', onKeyDown));
}
