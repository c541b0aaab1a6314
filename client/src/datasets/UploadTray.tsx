/**
 * CSV files dropped on the canvas upload here: a small stack of upload cards over the canvas's
 * bottom-left corner (progress, Cancel, errors next to the file). Stored uploads leave on their
 * own after a moment; failures stay until dismissed.
 */
import { createEffect, onCleanup, Show } from 'solid-js';
import type { Uploads } from './create-uploads.ts';
import { UploadList } from './UploadList.tsx';

/** How long a finished upload's card stays on the canvas. */
export const TRAY_DONE_MS = 4_000;

export function UploadTray(props: { uploads: Uploads }) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  createEffect(() => {
    for (const upload of props.uploads.items()) {
      if ((upload.phase === 'done' || upload.phase === 'cancelled') && !timers.has(upload.id)) {
        timers.set(
          upload.id,
          setTimeout(() => props.uploads.dismiss(upload.id), TRAY_DONE_MS),
        );
      }
    }
  });
  onCleanup(() => {
    for (const timer of timers.values()) clearTimeout(timer);
  });
  return (
    <Show when={props.uploads.items().length > 0}>
      <section class="upload-tray" aria-label="Dataset uploads">
        <UploadList uploads={props.uploads} hideProfileLink />
      </section>
    </Show>
  );
}
