/**
 * One edge as an SVG cubic curve from an output port to an input port. Its path depends only on
 * its two nodes' positions (and types, for the port rows), so dragging a node recomputes the
 * edges attached to it and no others. Drawn only while both ends exist.
 *
 * Keyboard: each edge is a focus stop of the canvas's Tab walk (after its source node's ports,
 * see focus-walk.ts), named "Edge from <node> <output> to <node> <input>"; focused, it is the
 * selected edge, and Delete removes it.
 */
import { createMemo, Show } from 'solid-js';
import { canvasStats } from './canvas-stats.ts';
import { edgePath } from './controllers/edge-path.ts';
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
  const d = createMemo(() => {
    const s = source();
    const t = target();
    const sp = sourcePort();
    const ti = targetIndex();
    if (!s || !t || !sp || ti < 0) return null;
    return edgePath(
      portPosition(displayPosition(s), 'out', sp.index),
      portPosition(displayPosition(t), 'in', ti),
    );
  });
  const attached = () => scope.isSelected(e.source) || scope.isSelected(e.target);
  const name = () =>
    `Edge from ${source()?.label()} ${sourcePort()?.label} to ${target()?.label()} ${targetPort()?.label}` +
    (scope.isEdgeSelected(e.id) ? ', selected' : '');

  return (
    <Show when={d()}>
      {(path) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG group; role=group names it for assistive tech, as the node cards.
        // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: focusable only as a stop of the canvas's Tab walk (tabindex -1), like a node card.
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
          <path class="edge__hit" d={path()} />
          <path class="edge__line" d={path()} />
        </g>
      )}
    </Show>
  );
}
