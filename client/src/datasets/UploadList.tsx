/** The uploads in progress and just finished, newest first, each as an <UploadCard>. */
import { For, Show } from 'solid-js';
import type { Uploads } from './create-uploads.ts';
import { UploadCard } from './UploadCard.tsx';

export function UploadList(props: { uploads: Uploads; hideProfileLink?: boolean }) {
  return (
    <Show when={props.uploads.items().length > 0}>
      <ul class="upload-list" aria-label="Uploads">
        <For each={props.uploads.items()}>
          {(upload) => (
            <UploadCard
              upload={upload}
              hideProfileLink={props.hideProfileLink}
              onCancel={() => props.uploads.cancel(upload.id)}
              onDismiss={() => props.uploads.dismiss(upload.id)}
            />
          )}
        </For>
      </ul>
    </Show>
  );
}
