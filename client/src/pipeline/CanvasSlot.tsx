/**
 * The places in the builder that other parts of the client fill: the canvas (client/src/canvas)
 * and the library and inspector panels (client/src/panels). Until a part lands, its slot says
 * plainly what will be there; none of them pretends to work.
 */

import { Show } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { catalog } from '../../../shared/catalog/catalog.ts';
import type { AwarenessUser, UserEditOrigin } from '../../../shared/doc/index.ts';
import { type CanvasApi, PipelineCanvas } from '../canvas/PipelineCanvas.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { Blocks, MousePointer2 } from './icons.ts';

export interface CanvasSlotProps {
  doc: Y.Doc;
  awareness: Awareness;
  localUser: AwarenessUser;
  readOnly: boolean;
  userOrigin: UserEditOrigin;
  undoManager: Y.UndoManager;
  /** The device's copy is in the document: render now, even offline. */
  loaded: boolean;
  followUserClientId: number | null;
  onFollowEnd: () => void;
  onSelectionChange?: (ids: string[]) => void;
  onReady?: (api: CanvasApi) => void;
}

export function CanvasSlot(props: CanvasSlotProps) {
  return (
    <Show
      when={props.loaded}
      fallback={
        <div class="slot slot--loading" role="status">
          <Spinner size={20} />
          <span>Opening pipeline…</span>
        </div>
      }
    >
      <PipelineCanvas
        doc={props.doc}
        registry={catalog}
        readOnly={props.readOnly}
        userOrigin={props.userOrigin}
        undoManager={props.undoManager}
        awareness={props.awareness}
        localUser={props.localUser}
        followUserClientId={props.followUserClientId}
        onFollowEnd={props.onFollowEnd}
        onSelectionChange={props.onSelectionChange}
        onReady={props.onReady}
      />
    </Show>
  );
}

export function LibrarySlot(props: { readOnly: boolean }) {
  return (
    <div class="slot">
      <Blocks size={20} aria-hidden="true" />
      <p class="slot__title">Components</p>
      <p class="slot__text">
        {props.readOnly
          ? 'The component catalog appears here.'
          : 'Search and drag components from here soon.'}
      </p>
    </div>
  );
}

export function InspectorSlot() {
  return (
    <div class="slot">
      <MousePointer2 size={20} aria-hidden="true" />
      <p class="slot__title">Nothing selected</p>
      <p class="slot__text">Select a node on the canvas to see and change its parameters.</p>
    </div>
  );
}
