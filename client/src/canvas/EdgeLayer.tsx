/**
 * The edges inside the world layer (so pan/zoom move them with the nodes for free), in SVGs of a
 * few dozen edges each (store/draw-groups.ts): when a node moves, Chrome repaints the SVGs holding
 * its edges, not all of them. Each SVG is 1×1 with visible overflow: it never needs resizing as the
 * graph grows. The SVGs themselves are presentational; each edge in them is a named focus stop
 * (EdgeCurve.tsx). The children (the connection being dragged) are drawn above every edge.
 */
import { For, type JSX } from 'solid-js';
import { EdgeCurve } from './EdgeCurve.tsx';
import { createDrawGroups, EDGES_PER_GROUP } from './store/draw-groups.ts';
import type { EdgeRecords } from './store/edge-records.ts';
import type { NodeRecords } from './store/node-records.ts';

export function EdgeLayer(props: { edges: EdgeRecords; nodes: NodeRecords; children?: JSX.Element }) {
  const groups = createDrawGroups(() => props.edges.list(), EDGES_PER_GROUP);
  return (
    <>
      <For each={groups()}>
        {(group) => (
          <svg class="canvas__edges" width="1" height="1" role="presentation">
            <For each={group.items()}>{(edge) => <EdgeCurve edge={edge} nodes={props.nodes} />}</For>
          </svg>
        )}
      </For>
      <svg class="canvas__edges" width="1" height="1" role="presentation">
        {props.children}
      </svg>
    </>
  );
}
