/** The veil shown while files are held over a drop area: what letting go will do. */
import { Show } from 'solid-js';
import { Upload } from './icons.ts';

export function DropOverlay(props: { active: boolean; text: string }) {
  return (
    <Show when={props.active}>
      <div class="drop-overlay" aria-hidden="true">
        <div class="drop-overlay__card">
          <Upload size={28} />
          <span>{props.text}</span>
        </div>
      </div>
    </Show>
  );
}
