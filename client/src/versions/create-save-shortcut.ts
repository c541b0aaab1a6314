/**
 * Ctrl/Cmd+S opens "Save version" wherever focus is on the page (the browser's "save page" is
 * never what someone in the builder means). Ignored while `enabled` is false (read-only roles).
 */
import { onCleanup } from 'solid-js';

export function isSaveShortcut(event: KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's'
  );
}

export function createSaveShortcut(options: { enabled: () => boolean; onSave: () => void }): void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isSaveShortcut(event)) return;
    event.preventDefault();
    if (options.enabled()) options.onSave();
  };
  window.addEventListener('keydown', onKeyDown);
  onCleanup(() => window.removeEventListener('keydown', onKeyDown));
}
