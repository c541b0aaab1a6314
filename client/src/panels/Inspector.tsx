/**
 * <Inspector>: the parameters of the selected node, edited in place. Every write goes through
 * shared/doc (`setParam`, `resetParams`, `renameNode`) with the person's origin, as one gesture.
 * It reads only the selected node, live, so another person's edit of the same parameter shows at
 * once (unless you are mid-typing in that field).
 *
 * Props:
 * - `doc`, `registry`: the pipeline document and the component catalog.
 * - `selection`: selected node ids (from the canvas's `onSelectionChange`).
 * - `readOnly`: viewers and commenters see every value, change none.
 * - `userOrigin`: transaction origin of this person's edits (their undo manager tracks it).
 * - `extensions` (optional): known columns for column pickers, custom fields (inspector-extensions.ts).
 */
import { createMemo, Match, Show, Switch } from 'solid-js';
import type * as Y from 'yjs';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import { MousePointer2 } from '../canvas/icons.ts';
import { createNodeReading } from './create-node-reading.ts';
import { InspectorNode } from './InspectorNode.tsx';
import { InspectorSelection } from './InspectorSelection.tsx';
import type { InspectorExtensions } from './inspector-extensions.ts';
import './panels.css';

export interface InspectorProps {
  doc: Y.Doc;
  registry: ComponentRegistry;
  selection: readonly string[];
  readOnly: boolean;
  userOrigin: DocOrigin;
  extensions?: InspectorExtensions;
}

export function Inspector(props: InspectorProps) {
  const singleId = createMemo(() => (props.selection.length === 1 ? props.selection[0] : null));
  return (
    <section class="inspector" aria-label="Inspector">
      <Switch>
        <Match when={props.selection.length > 1}>
          <InspectorSelection doc={props.doc} registry={props.registry} selection={props.selection} />
        </Match>
        <Match when={singleId()}>
          {/* Keyed by node id: fields (and any half-typed draft) belong to one node, never the next. */}
          <Show when={singleId()} keyed>
            {(nodeId) => <SelectedNode {...props} nodeId={nodeId} />}
          </Show>
        </Match>
        <Match when={true}>
          <div class="panel-empty">
            <span class="panel-empty__icon" aria-hidden="true">
              <MousePointer2 size={18} />
            </span>
            <p class="panel-empty__title">Nothing selected</p>
            <p class="panel-empty__text">Select a node on the canvas to see and change its parameters.</p>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

function SelectedNode(props: InspectorProps & { nodeId: string }) {
  const node = createNodeReading(props.doc, () => props.nodeId);
  return (
    <Show
      when={node()}
      fallback={
        <div class="panel-empty" role="status">
          <p class="panel-empty__title">This node was deleted</p>
          <p class="panel-empty__text">Someone removed it, or it was undone. Select another node.</p>
        </div>
      }
    >
      {(n) => (
        <InspectorNode
          doc={props.doc}
          registry={props.registry}
          node={n()}
          readOnly={props.readOnly}
          userOrigin={props.userOrigin}
          extensions={props.extensions}
        />
      )}
    </Show>
  );
}
