/**
 * The profile of the newest upload that has one: the local preview while the file uploads, then
 * the server's stored profile (upload-state.ts `shownProfile`).
 */
import { createMemo, Show } from 'solid-js';
import type { Uploads } from './create-uploads.ts';
import { ProfileView } from './ProfileView.tsx';
import { shownProfile } from './upload-state.ts';

export function UploadPreview(props: { uploads: Uploads }) {
  const newest = createMemo(() => {
    for (const upload of props.uploads.items()) {
      if (upload.phase === 'failed' || upload.phase === 'cancelled') continue;
      const shown = shownProfile(upload);
      if (shown) return { upload, ...shown };
    }
    return undefined;
  });
  return (
    <Show when={newest()}>
      {(shown) => (
        <section class="upload-preview" aria-label={`Profile of ${shown().upload.fileName}`}>
          <h2 class="upload-preview__title">
            {shown().preview ? 'Preview of ' : 'Profile of '}
            {shown().upload.record?.name ?? shown().upload.name}
          </h2>
          <ProfileView
            profile={shown().profile}
            name={shown().upload.name}
            sizeBytes={shown().upload.size}
            preview={shown().preview}
          />
        </section>
      )}
    </Show>
  );
}
