/**
 * Where each ghost's dashed input edges come from: the same resolution accepting would use
 * (shared/doc/suggestion-wiring.ts), except that a pending suggestion counts too, as its ghost.
 * So the dashed curves show the pipeline accepting would build: from the dataset node, from the
 * real node of an accepted suggestion, from another ghost, or past a rejected pass-through step.
 */
import type { ConnectionRules } from '../../../shared/doc/connection-check.ts';
import type { SuggestionRecord } from '../../../shared/doc/suggestion-records.ts';
import { passThroughLink } from '../../../shared/doc/suggestion-wiring.ts';

export type GhostEnd = { kind: 'node'; nodeId: string } | { kind: 'ghost'; key: string };

export interface GhostLink {
  /** Stable per ghost and input port, for keyed rendering. */
  id: string;
  from: GhostEnd;
  /** Key of the ghost the link enters, and the input port. */
  to: string;
  port: string;
}

type Link = SuggestionRecord['suggestion']['attachTo'][number];

/**
 * Dashed links into every pending ghost of `records`. `hasNode` says whether a node exists (a
 * dataset node deleted, an accepted node removed since).
 */
export function ghostLinks(
  records: readonly SuggestionRecord[],
  rules: ConnectionRules,
  hasNode: (id: string) => boolean,
): GhostLink[] {
  const sets = new Map<string, Map<string, SuggestionRecord>>();
  for (const record of records) {
    const set = sets.get(record.datasetNode) ?? new Map<string, SuggestionRecord>();
    set.set(record.suggestionId, record);
    sets.set(record.datasetNode, set);
  }
  const links: GhostLink[] = [];
  for (const record of records) {
    if (record.status !== 'pending' || !hasNode(record.datasetNode)) continue;
    const set = sets.get(record.datasetNode)!;
    for (const link of record.suggestion.attachTo) {
      const from = resolve(link, record.datasetNode, set, rules, hasNode, new Set());
      if (from)
        links.push({
          id: `${record.key}\u0000${link.port}\u0000${endKey(from)}`,
          from,
          to: record.key,
          port: link.port,
        });
    }
  }
  return links;
}

function resolve(
  link: Link,
  datasetNode: string,
  set: ReadonlyMap<string, SuggestionRecord>,
  rules: ConnectionRules,
  hasNode: (id: string) => boolean,
  seen: Set<string>,
): GhostEnd | null {
  for (const candidate of [link.from, ...(link.alternatives ?? [])]) {
    if (candidate === 'dataset') return hasNode(datasetNode) ? { kind: 'node', nodeId: datasetNode } : null;
    const source = set.get(candidate);
    if (!source || seen.has(candidate)) continue;
    switch (source.status) {
      case 'pending':
        return { kind: 'ghost', key: source.key };
      case 'accepted':
        if (source.nodeId && hasNode(source.nodeId)) return { kind: 'node', nodeId: source.nodeId };
        break;
      case 'rejected': {
        const through = passThroughLink(source, rules);
        if (!through) break;
        seen.add(candidate);
        const end = resolve(through, datasetNode, set, rules, hasNode, seen);
        if (end) return end;
        break;
      }
      default:
        return source.status satisfies never;
    }
  }
  return null;
}

function endKey(end: GhostEnd): string {
  return end.kind === 'node' ? `n:${end.nodeId}` : `g:${end.key}`;
}
