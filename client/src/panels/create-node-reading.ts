/**
 * The selected node, read live from the document: re-read whenever that node's Y.Map (or its
 * params) changes, appears or disappears, by anyone. Observes only that node, never the graph.
 */
import { type Accessor, createEffect, createSignal, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { getNodeMap, getNodesMap } from '../../../shared/doc/layout.ts';
import { readNode } from '../../../shared/doc/reader.ts';
import type { PipelineNode } from '../../../shared/graph/types.ts';

export function createNodeReading(
  doc: Y.Doc,
  nodeId: Accessor<string | null>,
): Accessor<PipelineNode | null> {
  const [node, setNode] = createSignal<PipelineNode | null>(null, {
    equals: (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b),
  });

  createEffect(() => {
    const id = nodeId();
    if (id === null) {
      setNode(null);
      return;
    }
    const nodes = getNodesMap(doc);
    let observed: Y.Map<unknown> | undefined;
    const onNodeChange = () => setNode(readNode(doc, id));
    const attach = () => {
      const map = getNodeMap(doc, id);
      if (map === observed) return;
      observed?.unobserveDeep(onNodeChange);
      observed = map;
      observed?.observeDeep(onNodeChange);
    };
    // The node may be replaced or deleted (and restored by undo) under the same id.
    const onNodesChange = (event: Y.YMapEvent<unknown>) => {
      if (!event.keysChanged.has(id)) return;
      attach();
      onNodeChange();
    };
    nodes.observe(onNodesChange);
    attach();
    onNodeChange();
    onCleanup(() => {
      nodes.unobserve(onNodesChange);
      observed?.unobserveDeep(onNodeChange);
    });
  });

  return node;
}
