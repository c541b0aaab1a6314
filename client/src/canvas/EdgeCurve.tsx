/**
 * One edge as an SVG cubic curve from an output port to an input port. Its path depends only on
 * its two nodes' positions (and types, for the port rows), so dragging a node recomputes the
 * edges attached to it and no others. Drawn only while both ends exist, and its paths only near
 * the view (level of detail, create-level-of-detail.ts).
 *
 * Keyboard: each edge is a focus stop of the canvas's Tab walk (after its source node's ports,
 * see focus-walk.ts), named "Edge from <node> <output> to <node> <input>"; focused, it is the
 * selected edge, and Delete removes it.
 */
import { createMemo, Show } from 'solid-js';
import { canvasStats } from './canvas-stats.ts';
import { edgeBounds, edgePath } from './controllers/edge-path.ts';
import type { Point } from './controllers/geometry.ts';
import { portPosition } from './controllers/node-layout.ts';
import { useCanvasScope } from './scope.ts';
import type { EdgeRecord } from './store/edge-records.ts';
import { displayPosition, type NodeRecords } from './store/node-records.ts';

export function EdgeCurve(props: { edge: EdgeRecord; nodes: NodeRecords }) {
  canvasStats.edgeMounts++;
  const scope = useCanvasScope();
  const e = props.edge;
  const source = () => props.nodes.watch(e.source);
  const target = () => props.nodes.watch(e.target);
  const sourcePort = createMemo(() => {
    const s = source();
    const outputs = s ? (scope.registry.get(s.type())?.outputs ?? []) : [];
    const index = outputs.findIndex((p) => p.id === e.sourcePort);
    return index < 0 ? null : { index, type: outputs[index].type, label: outputs[index].label };
  });
  const targetPort = createMemo(() => {
    const t = target();
    const inputs = t ? (scope.registry.get(t.type())?.inputs ?? []) : [];
    const index = inputs.findIndex((p) => p.id === e.targetPort);
    return index < 0 ? null : { index, label: inputs[index].label };
  });
  const targetIndex = () => targetPort()?.index ?? -1;
  /**
   * Both ends exist, with their ports. Not `ends() !== null`: the edge list's insertion reads every
   * edge's top-level Show, so a condition that reads node positions made each move mark that
   * insertion pending, and Solid then walked all 1,500 edges to find what changed (a tenth of the
   * script time of a burst of remote moves).
   */
  const connected = createMemo(
    () => source() !== undefined && target() !== undefined && sourcePort() !== null && targetIndex() >= 0,
  );
  /** Where the curve starts and ends; null until both ends exist. */
  const ends = createMemo((): EdgeEnds | null => {
    const s = source();
    const t = target();
    const sp = sourcePort();
    const ti = targetIndex();
    if (!s || !t || !sp || ti < 0) return null;
    return {
      from: portPosition(displayPosition(s), 'out', sp.index),
      to: portPosition(displayPosition(t), 'in', ti),
    };
  });
  // Level of detail: far from the view the group stays (a named focus stop) without its paths.
  const drawn = createMemo(() => {
    const e = ends();
    return e !== null && scope.drawsEdge(edgeBounds(e.from, e.to));
  });
  const attached = () => scope.isSelected(e.source) || scope.isSelected(e.target);
  const name = () =>
    `Edge from ${source()?.label()} ${sourcePort()?.label} to ${target()?.label()} ${targetPort()?.label}` +
    (scope.isEdgeSelected(e.id) ? ', selected' : '');

  return (
    <Show when={connected()}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG group; role=group names it for assistive tech, as the node cards. */}
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: focusable only as a stop of the canvas's Tab walk (tabindex -1), like a node card. */}
      <g
        class="edge"
        data-edge-id={e.id}
        data-source={e.source}
        data-type={sourcePort()?.type}
        role="group"
        aria-roledescription="edge"
        aria-label={name()}
        tabindex="-1"
        classList={{ 'edge--selected': scope.isEdgeSelected(e.id), 'edge--attached': attached() }}
      >
        <Show when={drawn()}>
          <EdgePaths ends={ends} />
        </Show>
      </g>
    </Show>
  );
}

interface EdgeEnds {
  from: Point;
  to: Point;
}

/**
 * The wide transparent hit path (unless zoomed out too far to aim at an edge, see
 * LevelOfDetail.hasDetailRegion) and the visible line, over one path string computed once.
 */
function EdgePaths(props: { ends: () => EdgeEnds | null }) {
  const scope = useCanvasScope();
  const d = createMemo(() => {
    const e = props.ends();
    return e ? edgePath(e.from, e.to) : '';
  });
  return (
    <>
      <Show when={scope.hasDetailRegion()}>
        <path class="edge__hit" d={d()} />
      </Show>
      <path class="edge__line" d={d()} />
    </>
  );
}
