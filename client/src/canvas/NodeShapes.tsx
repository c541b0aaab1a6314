/**
 * Zoomed out past TINY_ZOOM, where the picture is the graph's shape only, every card that is not
 * showing its contents is drawn as an SVG rectangle in its category's tint, in SVGs of a few dozen
 * (the card groups). Its card keeps its element, role, name and focus stop, off-screen-styled
 * (NodeCard.tsx), and the card holding focus is drawn as a card above its shape.
 *
 * Why not the cards themselves: each positioned card is a paint chunk of its own, and Chrome
 * layerizes every chunk on every frame that changes anything; with a thousand cards on screen that
 * was a quarter of the main-thread time of a fit-zoom pan, drag or burst of remote moves, and laying
 * out the moved cards' groups another tenth. A rectangle in an SVG is neither a chunk nor a box.
 *
 * A press on a shape is a press on its card (create-pointer-binding.ts): select, drag, Shift-click.
 */
import { createMemo, For } from 'solid-js';
import { NODE_WIDTH, nodeHeight } from './controllers/node-layout.ts';
import { nodeStateClasses } from './node-states.ts';
import { nodeShapeOf } from './runtime.ts';
import { useCanvasScope } from './scope.ts';
import type { DrawGroup } from './store/draw-groups.ts';
import { displayPosition, type NodeRecord, type NodeRecords } from './store/node-records.ts';

export function NodeShapes(props: { groups: readonly DrawGroup<string>[]; nodes: NodeRecords }) {
  return (
    <For each={props.groups}>
      {(group) => (
        <svg class="canvas__shapes" width="1" height="1" aria-hidden="true">
          <For each={group.items()}>
            {(id) => {
              const record = props.nodes.get(id);
              return record ? <NodeShape record={record} /> : null;
            }}
          </For>
        </svg>
      )}
    </For>
  );
}

function NodeShape(props: { record: NodeRecord }) {
  const scope = useCanvasScope();
  const r = props.record;
  const def = createMemo(() => scope.registry.get(r.type()));
  const height = createMemo(() => nodeHeight(nodeShapeOf(scope.registry, r)));
  const position = () => displayPosition(r);
  return (
    <rect
      class="node-shape"
      data-node-id={r.id}
      data-category={def()?.category ?? 'unknown'}
      x={position().x}
      y={position().y}
      width={NODE_WIDTH}
      height={height()}
      classList={nodeStateClasses('node-shape', scope, r, def() !== undefined)}
      style={{ '--mark-color': scope.marks(r.id)[0]?.color }}
    />
  );
}
