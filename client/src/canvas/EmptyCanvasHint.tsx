/** What an empty canvas says instead of nothing: how to add the first component. */

import { Show } from 'solid-js';
import { Workflow } from './icons.ts';

export function EmptyCanvasHint(props: {
  readOnly: boolean;
  mod: string;
  onOpenPalette(): void;
  /** The page takes CSV files dropped on the canvas. */
  acceptsFiles?: boolean;
}) {
  return (
    <div class="canvas-empty">
      <span class="canvas-empty__icon" aria-hidden="true">
        <Workflow size={22} />
      </span>
      <Show
        when={!props.readOnly}
        fallback={
          <>
            <p class="canvas-empty__title">This pipeline is empty</p>
            <p class="canvas-empty__text">
              Nothing has been added yet. You have view access, so you can look but not edit.
            </p>
          </>
        }
      >
        <p class="canvas-empty__title">Start your pipeline</p>
        <p class="canvas-empty__text">
          Drag a component from the library, or{' '}
          <button type="button" class="canvas-empty__link" onClick={() => props.onOpenPalette()}>
            add one with <kbd>{props.mod}</kbd>
            <kbd>K</kbd>
          </button>
          . A pipeline usually starts with a dataset
          <Show when={props.acceptsFiles} fallback=".">
            : drop a CSV file here to upload it and read it.
          </Show>
        </p>
      </Show>
    </div>
  );
}
