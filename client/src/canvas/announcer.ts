/**
 * Messages for the canvas's aria-live region: selection changes, additions, deletions, refused
 * connections. Repeating the same text would not be re-announced by screen readers, so each
 * message carries a counter and the region alternates a zero-width suffix.
 */
import { type Accessor, createSignal } from 'solid-js';

export interface Announcer {
  message: Accessor<string>;
  announce(text: string): void;
}

export function createAnnouncer(): Announcer {
  const [message, setMessage] = createSignal('');
  let toggle = false;
  return {
    message,
    announce(text) {
      toggle = !toggle;
      setMessage(toggle ? text : `${text}\u200b`);
    },
  };
}
