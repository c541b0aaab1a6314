/**
 * Restoring a version: make a live document's content equal a snapshot's, in one transaction.
 *
 * This is a document-level replace, not a merge: applying the snapshot's old Yjs state as an
 * update would only add back what it had (Yjs merges; nothing the draft added would go), so
 * instead the differences are written field by field — nodes and edges the target lacks are
 * deleted, missing ones added under their own ids, changed fields and parameters overwritten.
 * Values already equal are not rewritten: every overwrite stays in the document's history, and
 * untouched keys keep merging with concurrent edits.
 *
 * Suggestions (ghost nodes and the decisions taken on them) are restored too: the entries become
 * the version's, entry by entry, so a restore never leaves ghosts of a dataset node the version
 * does not have, nor loses the record of who accepted the nodes it brings back.
 *
 * Undo: run it with `RESTORE_ORIGIN` (never a user origin), so no person's undo manager records
 * it. A person's earlier steps that the restore overwrote cannot be redone over it either: Yjs
 * undo never overwrites a map key another client wrote since (the server restores, so for every
 * client the restore is remote). Clients should still clear their undo history when told of a
 * restore: a step whose key the restore left as it was would otherwise undo a pre-restore edit.
 */
import * as Y from 'yjs';
import type { PipelineGraph, PipelineNode } from '../graph/types.ts';
import { writeEdge } from './edges.ts';
import { cloneJson, isJsonValue, jsonEquals } from './json.ts';
import {
  getEdgesMap,
  getNodeMap,
  getNodesMap,
  getSuggestionsMap,
  readEdgeEnds,
  readNodeType,
} from './layout.ts';
import { setMeta } from './meta.ts';
import { addNode } from './nodes.ts';
import type { DocOrigin } from './origins.ts';
import { ensureParamsMap } from './params-map.ts';
import { type PipelineMeta, readDocument } from './reader.ts';
import {
  entryEquals,
  readSuggestions,
  type SuggestionEntry,
  toEntry,
  writeSuggestionEntry,
} from './suggestion-records.ts';

/** What a restore makes the document hold: the graph, and the name, description and tags. */
export interface DocumentContent {
  graph: PipelineGraph;
  meta: Pick<PipelineMeta, 'name' | 'description' | 'tags'>;
  /** Suggestion entries (shared/doc/suggestions.ts); absent means none. */
  suggestions?: SuggestionEntry[];
}

export interface ReplaceSummary {
  nodesAdded: number;
  nodesRemoved: number;
  nodesUpdated: number;
  edgesAdded: number;
  edgesRemoved: number;
  metaChanged: boolean;
}

/** The readable content of a stored Yjs state (a version snapshot), read as `readDocument` reads. */
export function readContentOfState(state: Uint8Array): DocumentContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const { graph, meta } = readDocument(doc);
    const content: DocumentContent = {
      graph,
      meta: { name: meta.name, description: meta.description, tags: meta.tags },
    };
    const suggestions = readSuggestions(doc).map(toEntry);
    if (suggestions.length > 0) content.suggestions = suggestions;
    return content;
  } finally {
    doc.destroy();
  }
}

/**
 * Writes the differences between `doc` and `content` into `doc` in one transaction with `origin`,
 * after which `readDocument(doc)` reads `content` (positions default to 0 when the graph has none).
 * Writes nothing, and emits no update, when the document already holds it.
 */
export function replaceContent(doc: Y.Doc, origin: DocOrigin, content: DocumentContent): ReplaceSummary {
  const summary: ReplaceSummary = {
    nodesAdded: 0,
    nodesRemoved: 0,
    nodesUpdated: 0,
    edgesAdded: 0,
    edgesRemoved: 0,
    metaChanged: false,
  };
  doc.transact(() => {
    // Edges first: an edge may be removed because its node goes.
    replaceEdges(doc, content.graph, summary);
    replaceNodes(doc, origin, content.graph, summary);
    summary.metaChanged = setMeta(doc, origin, content.meta).length > 0;
    replaceSuggestions(doc, content.suggestions ?? []);
  }, origin);
  return summary;
}

/** Makes the suggestion entries equal `entries`, rewriting only those that differ. */
function replaceSuggestions(doc: Y.Doc, entries: readonly SuggestionEntry[]): void {
  const map = getSuggestionsMap(doc);
  const wanted = new Map(entries.map((entry) => [entry.key, entry]));
  const current = new Map(readSuggestions(doc).map((record) => [record.key, toEntry(record)]));
  // Unreadable entries go as well: the version did not have them.
  for (const key of Array.from(map.keys())) {
    if (!wanted.has(key)) map.delete(key);
  }
  for (const entry of wanted.values()) {
    const existing = current.get(entry.key);
    if (!existing || !entryEquals(existing, entry)) writeSuggestionEntry(doc, entry);
  }
}

function replaceNodes(doc: Y.Doc, origin: DocOrigin, graph: PipelineGraph, summary: ReplaceSummary): void {
  const nodes = getNodesMap(doc);
  const wanted = new Set(graph.nodes.map((node) => node.id));
  for (const id of Array.from(nodes.keys())) {
    if (wanted.has(id)) continue;
    nodes.delete(id);
    summary.nodesRemoved++;
  }
  for (const node of graph.nodes) {
    const map = getNodeMap(doc, node.id);
    if (map && readNodeType(map) !== undefined) {
      if (updateNode(map, node)) summary.nodesUpdated++;
      continue;
    }
    // Absent, or unreadable (the reader skips it): written afresh under the same id.
    const { type, label, params } = node;
    addNode(doc, origin, { type, label, params, x: node.x ?? 0, y: node.y ?? 0 }, { newId: () => node.id });
    summary.nodesAdded++;
  }
}

/** Overwrites the fields and parameters of one node that differ; returns whether any did. */
function updateNode(map: Y.Map<unknown>, node: PipelineNode): boolean {
  let changed = false;
  const fields: [string, string | number][] = [
    ['type', node.type],
    ['label', node.label],
    ['x', node.x ?? 0],
    ['y', node.y ?? 0],
  ];
  for (const [key, value] of fields) {
    if (map.get(key) === value) continue;
    map.set(key, value);
    changed = true;
  }
  const params = ensureParamsMap(map);
  for (const name of Array.from(params.keys())) {
    if (Object.hasOwn(node.params, name)) continue;
    params.delete(name);
    changed = true;
  }
  for (const [name, value] of Object.entries(node.params)) {
    const stored = params.get(name);
    if (params.has(name) && isJsonValue(stored) && jsonEquals(stored, value)) continue;
    params.set(name, cloneJson(value));
    changed = true;
  }
  return changed;
}

function replaceEdges(doc: Y.Doc, graph: PipelineGraph, summary: ReplaceSummary): void {
  const edges = getEdgesMap(doc);
  const wanted = new Map(graph.edges.map((edge) => [edge.id, edge]));
  for (const [id, value] of Array.from(edges.entries())) {
    const edge = wanted.get(id);
    const ends = readEdgeEnds(value);
    const same =
      edge &&
      ends &&
      ends.source === edge.source &&
      ends.sourcePort === edge.sourcePort &&
      ends.target === edge.target &&
      ends.targetPort === edge.targetPort;
    if (same) {
      wanted.delete(id);
      continue;
    }
    edges.delete(id);
    summary.edgesRemoved++;
  }
  for (const edge of wanted.values()) {
    writeEdge(doc, edge.id, edge);
    summary.edgesAdded++;
  }
}
