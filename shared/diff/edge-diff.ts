/**
 * Edge-level part of the graph diff. Edges are compared by what they connect (source node and
 * port → target node and port), not by id: deleting a wire and drawing it again gives it a new
 * id but changes nothing a run would see. Duplicates (concurrent connects can create two edges
 * between the same ports) are matched one to one, so a removed duplicate still shows.
 */
import { compareIds } from '../doc/layout.ts';
import type { PipelineEdge } from '../graph/types.ts';
import type { GraphDiff } from './types.ts';

/** JSON of the four ends: unambiguous whatever characters ids and port names hold. */
const endsKey = (edge: PipelineEdge) =>
  JSON.stringify([edge.source, edge.sourcePort, edge.target, edge.targetPort]);

export function diffEdges(a: readonly PipelineEdge[], b: readonly PipelineEdge[]): GraphDiff['edges'] {
  const unmatched = new Map<string, PipelineEdge[]>();
  for (const edge of [...a].sort(byId)) {
    const key = endsKey(edge);
    const list = unmatched.get(key);
    if (list) list.push(edge);
    else unmatched.set(key, [edge]);
  }
  const added: PipelineEdge[] = [];
  for (const edge of [...b].sort(byId)) {
    const list = unmatched.get(endsKey(edge));
    if (list && list.length > 0) list.shift();
    else added.push(edge);
  }
  const removed = [...unmatched.values()].flat().sort(byId);
  return { added, removed };
}

function byId(x: PipelineEdge, y: PipelineEdge): number {
  return compareIds(x.id, y.id);
}
