/** A badge on each node of the viewed version that has open comment threads. */
import { For } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { graphNodeRect } from './node-box.ts';

export function CommentPins(props: {
  graph: PipelineGraph;
  counts: Map<string, number>;
  registry: ComponentRegistry;
}) {
  const pins = () =>
    props.graph.nodes.flatMap((node) => {
      const count = props.counts.get(node.id);
      return count ? [{ node, count, rect: graphNodeRect(props.registry, node) }] : [];
    });
  return (
    <For each={pins()}>
      {(pin) => (
        <span
          class="comment-pin"
          data-testid="comment-pin"
          data-node-id={pin.node.id}
          title={`${pin.count} open ${pin.count === 1 ? 'thread' : 'threads'}`}
          style={{ left: `${pin.rect.x + pin.rect.width - 18}px`, top: `${pin.rect.y - 14}px` }}
        >
          {pin.count}
        </span>
      )}
    </For>
  );
}
