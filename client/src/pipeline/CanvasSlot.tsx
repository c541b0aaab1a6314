/**
 * The canvas in the builder: a calm "Opening pipeline…" until this device's copy of the document
 * is loaded (a moment, and no network needed), then <PipelineCanvas> with the catalog.
 */

import { Show } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { catalog } from '../../../shared/catalog/catalog.ts';
import type { JsonValue } from '../../../shared/catalog/types.ts';
import type { AwarenessUser, UserEditOrigin } from '../../../shared/doc/index.ts';
import type { Point } from '../canvas/controllers/geometry.ts';
import { type CanvasApi, PipelineCanvas } from '../canvas/PipelineCanvas.tsx';
import type { CanvasProblem } from '../canvas/scope.ts';
import { Spinner } from '../components/Spinner.tsx';

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
  /** Validation's findings, shown as badges on their nodes. */
  problems: readonly CanvasProblem[];
  /** The builder owns the selection, so the Code tab and the Problems drawer can select too. */
  selection: readonly string[];
  onSelectionChange: (ids: string[]) => void;
  onReady?: (api: CanvasApi) => void;
  /** How a parameter value reads on a card when the page knows better (a dataset id → its name). */
  paramText?: (componentType: string, param: string, value: JsonValue | undefined) => string | undefined;
  /** A CSV dropped on the canvas: upload it and add its node at the drop point. */
  onFilesDrop?: (files: File[], at: Point) => void;
  /** The node a run executes now: it glows. */
  runningNodeId?: string | null;
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
        problems={props.problems}
        selection={props.selection}
        onSelectionChange={props.onSelectionChange}
        onReady={props.onReady}
        onFilesDrop={props.onFilesDrop}
        paramText={props.paramText}
        runningNodeId={props.runningNodeId}
      />
    </Show>
  );
}
