/**
 * Wiring accepted suggestions into the graph. A link names where a suggestion's input comes from
 * (the dataset node or another suggestion); it becomes an edge once both ends are real nodes:
 * - an accepted suggestion stands for its real node;
 * - a rejected one is stepped over when it passes its input through unchanged in kind (a dropped
 *   "Drop columns" leaves the table flowing from the dataset; a dropped scaler leaves the chain
 *   flowing from the imputer before it);
 * - a link may name alternatives (the other models, for the node that trains one): the first
 *   that is accepted feeds the port.
 * Edges are only added where `checkConnection` allows (a port already fed stays as it is), under
 * ids derived from what they connect, so two people wiring the same edge at once make one edge.
 */
import type * as Y from 'yjs';
import { type ConnectionRules, checkConnection } from './connection-check.ts';
import { writeEdge } from './edges.ts';
import { derivedId } from './ids.ts';
import { type EdgeEnds, getNodeMap, readNodeType } from './layout.ts';
import type { SuggestionRecord } from './suggestion-records.ts';

type Link = SuggestionRecord['suggestion']['attachTo'][number];

/** The suggestions of one dataset node, by suggestion id. */
export type SuggestionSet = ReadonlyMap<string, SuggestionRecord>;

/** The real node feeding `link` of a suggestion of `datasetNode`, or null when there is none yet. */
export function resolveLinkSource(
  doc: Y.Doc,
  datasetNode: string,
  link: Link,
  set: SuggestionSet,
  rules: ConnectionRules,
  seen: Set<string> = new Set(),
): string | null {
  for (const candidate of [link.from, ...(link.alternatives ?? [])]) {
    if (candidate === 'dataset') {
      if (getNodeMap(doc, datasetNode)) return datasetNode;
      continue;
    }
    const record = set.get(candidate);
    if (!record || seen.has(candidate)) continue;
    if (record.status === 'accepted' && record.nodeId && getNodeMap(doc, record.nodeId)) return record.nodeId;
    if (record.status === 'rejected') {
      const through = passThroughLink(record, rules);
      if (!through) continue;
      seen.add(candidate);
      const source = resolveLinkSource(doc, datasetNode, through, set, rules, seen);
      seen.delete(candidate);
      if (source) return source;
    }
  }
  return null;
}

/**
 * The input link of a suggestion whose port has the type of its (first) output, if any: what
 * flows on when the suggestion is rejected.
 */
export function passThroughLink(record: SuggestionRecord, rules: ConnectionRules): Link | null {
  const def = rules.registry.get(record.suggestion.componentType);
  const output = def?.outputs[0];
  if (!def || !output) return null;
  for (const link of record.suggestion.attachTo) {
    const input = def.inputs.find((port) => port.id === link.port);
    if (input && rules.isPortCompatible(output.type, input.type)) return link;
  }
  return null;
}

/**
 * Adds the edge for `link` of `target` (an accepted suggestion with a live node) when its source
 * resolves to a node and the connection is allowed; `onlyFrom` restricts it to one source node.
 * Returns the new edge id, or null. Must run inside a transaction.
 */
export function wireLink(
  doc: Y.Doc,
  target: SuggestionRecord,
  targetNode: string,
  link: Link,
  set: SuggestionSet,
  rules: ConnectionRules,
  onlyFrom?: string,
): string | null {
  const source = resolveLinkSource(doc, target.datasetNode, link, set, rules);
  if (!source || (onlyFrom !== undefined && source !== onlyFrom)) return null;
  const sourcePort = outputFor(doc, source, targetNode, link.port, rules);
  if (!sourcePort) return null;
  const ends: EdgeEnds = { source, sourcePort, target: targetNode, targetPort: link.port };
  if (!checkConnection(doc, ends, rules).ok) return null;
  const edgeId = derivedId('edge', `${target.key}|${link.port}|${source}|${sourcePort}`);
  writeEdge(doc, edgeId, ends);
  return edgeId;
}

/** The first output of `source` whose type the input `targetPort` of `target` takes. */
function outputFor(
  doc: Y.Doc,
  source: string,
  target: string,
  targetPort: string,
  rules: ConnectionRules,
): string | null {
  const sourceMap = getNodeMap(doc, source);
  const targetMap = getNodeMap(doc, target);
  const sourceDef = sourceMap && rules.registry.get(readNodeType(sourceMap) ?? '');
  const targetDef = targetMap && rules.registry.get(readNodeType(targetMap) ?? '');
  const input = targetDef?.inputs.find((port) => port.id === targetPort);
  if (!sourceDef || !input) return null;
  return sourceDef.outputs.find((port) => rules.isPortCompatible(port.type, input.type))?.id ?? null;
}

/** Accepted suggestions of the set whose real node still exists, with that node's id. */
export function liveAccepted(doc: Y.Doc, set: SuggestionSet): [SuggestionRecord, string][] {
  const live: [SuggestionRecord, string][] = [];
  for (const record of set.values()) {
    if (record.status === 'accepted' && record.nodeId && getNodeMap(doc, record.nodeId))
      live.push([record, record.nodeId]);
  }
  return live;
}
