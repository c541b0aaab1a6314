/**
 * The dashed curves into ghosts: from the dataset node, an accepted suggestion's real node or
 * another ghost, to the ghost's input port, coloured like the edge accepting would draw. A curve
 * from a real node follows that node while it is dragged (it reads the node's record).
 */
import { createMemo, For, Show } from 'solid-js';
import type { PortDef } from '../../../shared/catalog/types.ts';
import type { SuggestionRecord } from '../../../shared/doc/suggestion-records.ts';
import { edgePath } from './controllers/edge-path.ts';
import type { Point } from './controllers/geometry.ts';
import { portPosition } from './controllers/node-layout.ts';
import type { GhostLink } from './ghost-links.ts';
import { useCanvasScope } from './scope.ts';
import { displayPosition, type NodeRecords } from './store/node-records.ts';

export interface GhostEdgesProps {
  links: readonly GhostLink[];
  ghosts: readonly SuggestionRecord[];
  nodes: NodeRecords;
}

export function GhostEdges(props: GhostEdgesProps) {
  const byKey = createMemo(() => new Map(props.ghosts.map((ghost) => [ghost.key, ghost])));
  return (
    <svg class="ghost-edges" width="1" height="1" aria-hidden="true">
      <For each={props.links}>{(link) => <GhostEdge link={link} ghosts={byKey()} nodes={props.nodes} />}</For>
    </svg>
  );
}

function GhostEdge(props: {
  link: GhostLink;
  ghosts: ReadonlyMap<string, SuggestionRecord>;
  nodes: NodeRecords;
}) {
  const scope = useCanvasScope();
  const target = () => props.ghosts.get(props.link.to);
  const input = createMemo(() => {
    const t = target();
    const inputs = t ? (scope.registry.get(t.suggestion.componentType)?.inputs ?? []) : [];
    const index = inputs.findIndex((port) => port.id === props.link.port);
    return index < 0 ? null : { index, port: inputs[index]! };
  });
  /** Where the curve starts, and the type it carries. */
  const start = createMemo((): { at: Point; type: PortDef['type'] } | null => {
    const into = input();
    if (!into) return null;
    const from = props.link.from;
    let position: Point | undefined;
    let type: string | undefined;
    if (from.kind === 'node') {
      const record = props.nodes.watch(from.nodeId);
      if (!record) return null;
      position = displayPosition(record);
      type = record.type();
    } else {
      const ghost = props.ghosts.get(from.key);
      if (!ghost) return null;
      position = ghost;
      type = ghost.suggestion.componentType;
    }
    const outputs = scope.registry.get(type)?.outputs ?? [];
    const index = outputs.findIndex((port) => port.type === into.port.type);
    return index < 0 ? null : { at: portPosition(position, 'out', index), type: into.port.type };
  });
  const path = createMemo(() => {
    const s = start();
    const t = target();
    const into = input();
    return s && t && into ? edgePath(s.at, portPosition(t, 'in', into.index)) : null;
  });
  return <Show when={path()}>{(d) => <path class="ghost-edge" data-type={start()?.type} d={d()} />}</Show>;
}
