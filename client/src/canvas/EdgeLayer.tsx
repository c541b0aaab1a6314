/**
 * All edges in one SVG inside the world layer (so pan/zoom move them with the nodes for free).
 * The SVG is 1×1 with visible overflow: it never needs resizing as the graph grows.
 * The SVG itself is presentational; each edge in it is a named focus stop (EdgeCurve.tsx).
 */
import { For, type JSX } from 'solid-js';
import { EdgeCurve } from './EdgeCurve.tsx';
import type { EdgeRecords } from './store/edge-records.ts';
import type { NodeRecords } from './store/node-records.ts';

export function EdgeLayer(props: { edges: EdgeRecords; nodes: NodeRecords; children?: JSX.Element }) {
  return (
    <svg class="canvas__edges" width="1" height="1" role="presentation">
      <For each={props.edges.list()}>{(edge) => <EdgeCurve edge={edge} nodes={props.nodes} />}</For>
      {props.children}
    </svg>
  );
}
