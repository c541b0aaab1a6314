/** Bottom-right view controls: tidy up (editors only), zoom out, zoom level (resets), zoom in, fit. */

import { Show } from 'solid-js';
import { LayoutGrid, MapIcon, Maximize, Minus, Plus } from './icons.ts';

export interface ZoomControlsProps {
  zoom: number;
  readOnly: boolean;
  busy: boolean;
  mod: string;
  onZoomIn(): void;
  onZoomOut(): void;
  onReset(): void;
  onFit(): void;
  onTidy(): void;
  minimapOpen: boolean;
  onToggleMinimap(): void;
}

export function ZoomControls(props: ZoomControlsProps) {
  return (
    <div class="canvas-toolbar" role="toolbar" aria-label="View controls">
      <Show when={!props.readOnly}>
        <button
          type="button"
          class="canvas-toolbar__button canvas-toolbar__button--text"
          onClick={() => props.onTidy()}
          disabled={props.busy}
          aria-busy={props.busy}
          title="Tidy up the layout (Shift+L)"
        >
          <LayoutGrid size={15} aria-hidden="true" />
          <span>{props.busy ? 'Tidying…' : 'Tidy up'}</span>
        </button>
        <span class="canvas-toolbar__separator" aria-hidden="true" />
      </Show>
      <button
        type="button"
        class="canvas-toolbar__button"
        onClick={() => props.onZoomOut()}
        aria-label="Zoom out"
        title="Zoom out (−)"
      >
        <Minus size={15} aria-hidden="true" />
      </button>
      <button
        type="button"
        class="canvas-toolbar__button canvas-toolbar__zoom"
        onClick={() => props.onReset()}
        aria-label={`Zoom ${Math.round(props.zoom * 100)}%, reset to 100%`}
        title={`Reset zoom (${props.mod}+0)`}
      >
        {Math.round(props.zoom * 100)}%
      </button>
      <button
        type="button"
        class="canvas-toolbar__button"
        onClick={() => props.onZoomIn()}
        aria-label="Zoom in"
        title="Zoom in (+)"
      >
        <Plus size={15} aria-hidden="true" />
      </button>
      <button
        type="button"
        class="canvas-toolbar__button"
        onClick={() => props.onFit()}
        aria-label="Zoom to fit"
        title="Zoom to fit (F)"
      >
        <Maximize size={15} aria-hidden="true" />
      </button>
      <span class="canvas-toolbar__separator" aria-hidden="true" />
      <button
        type="button"
        class="canvas-toolbar__button"
        classList={{ 'canvas-toolbar__button--on': props.minimapOpen }}
        onClick={() => props.onToggleMinimap()}
        aria-label="Minimap"
        aria-pressed={props.minimapOpen}
        title={props.minimapOpen ? 'Hide the minimap' : 'Show the minimap'}
      >
        <MapIcon size={15} aria-hidden="true" />
      </button>
    </div>
  );
}
