/**
 * Reviewable suggestions: nodes proposed from a dataset's profile, placed in the document as
 * ghosts beside the dataset node, which anyone who may edit accepts (a real node is created and
 * wired in place) or rejects (it goes, for everyone). Both decisions are recorded in the entry
 * (who, when, which node), so the document keeps the review's history.
 *
 * Every operation is one transaction with the caller's origin; with a user origin it is one undo
 * step of that person (the undo manager tracks the `suggestions` map too), so undoing an accept
 * removes the node and brings the ghost back.
 *
 * Concurrency: accepting is deterministic. The real node's id derives from the suggestion's key
 * and each edge's id from what it connects, so two people accepting the same ghost at once create
 * the same node and edges, and Yjs merges the two writes into one node.
 */
import type * as Y from 'yjs';
import { catalog } from '../catalog/catalog.ts';
import { isPortCompatible } from '../catalog/ports.ts';
import type { DatasetProfile } from '../datasets/profile/types.ts';
import { suggestFromProfile } from '../datasets/suggest/suggest.ts';
import type { ConnectionRules } from './connection-check.ts';
import { derivedId } from './ids.ts';
import { getNodeMap, getNodesMap, getSuggestionsMap, readFiniteNumber } from './layout.ts';
import { addNode } from './nodes.ts';
import type { DocOrigin } from './origins.ts';
import { GHOST_BOX, type LayoutRect, layoutSuggestions, NODE_BOX } from './suggestion-layout.ts';
import {
  entryEquals,
  readSuggestion,
  readSuggestions,
  type SuggestionDecider,
  type SuggestionEntry,
  type SuggestionRecord,
  suggestionKey,
  toEntry,
  writeDecision,
  writeSuggestionEntry,
} from './suggestion-records.ts';
import { liveAccepted, type SuggestionSet, wireLink } from './suggestion-wiring.ts';
import { gesture } from './undo.ts';

export * from './suggestion-records.ts';

export interface PlaceSuggestionsInput {
  /** The CSV dataset node the profile describes; ghosts are laid out to its right. */
  datasetNodeId: string;
  profile: DatasetProfile;
  origin: DocOrigin;
}

export interface SuggestionOptions {
  /** The catalog's connection rules (default: the real catalog). */
  rules?: ConnectionRules;
  /** The clock of `decidedAt` (tests fix it). */
  now?: () => Date;
}

export type AcceptResult =
  | { ok: true; key: string; nodeId: string; edgeIds: string[] }
  | {
      ok: false;
      key: string;
      reason: 'unknown-suggestion' | 'already-decided' | 'unknown-component';
      message: string;
    };

const DEFAULT_RULES: ConnectionRules = { registry: catalog, isPortCompatible };

/**
 * Writes the suggestions for a profile beside its dataset node and returns the keys of those
 * pending now. Idempotent: it replaces only this dataset node's pending suggestions (entries that
 * already hold the same thing are not rewritten), and never brings back one already decided.
 * Places nothing when the dataset node does not exist.
 */
export function placeSuggestions(doc: Y.Doc, input: PlaceSuggestionsInput): string[] {
  const { datasetNodeId, profile, origin } = input;
  const dataset = getNodeMap(doc, datasetNodeId);
  if (!dataset) return [];
  const anchor = { x: readFiniteNumber(dataset, 'x') ?? 0, y: readFiniteNumber(dataset, 'y') ?? 0 };
  const suggestions = suggestFromProfile(profile);
  const records = readSuggestions(doc);
  const own = new Map(
    records.filter((record) => record.datasetNode === datasetNodeId).map((record) => [record.key, record]),
  );
  const decided = (id: string) => {
    const status = own.get(suggestionKey(datasetNodeId, id))?.status;
    return status === 'accepted' || status === 'rejected';
  };
  // This node's own ghosts are being replaced; every node and every other ghost is in the way.
  const obstacles: LayoutRect[] = [];
  for (const value of getNodesMap(doc).values()) {
    const x = readFiniteNumber(value as Y.Map<unknown>, 'x');
    const y = readFiniteNumber(value as Y.Map<unknown>, 'y');
    if (x !== undefined && y !== undefined) obstacles.push({ x, y, ...NODE_BOX });
  }
  for (const record of records) {
    if (record.status === 'pending' && record.datasetNode !== datasetNodeId)
      obstacles.push({ x: record.x, y: record.y, ...GHOST_BOX });
  }
  const positions = layoutSuggestions(suggestions, anchor, obstacles, (id) => !decided(id));

  const placed: string[] = [];
  doc.transact(() => {
    const map = getSuggestionsMap(doc);
    const wanted = new Set(suggestions.map((suggestion) => suggestionKey(datasetNodeId, suggestion.id)));
    for (const record of own.values()) {
      if (record.status === 'pending' && !wanted.has(record.key)) map.delete(record.key);
    }
    for (const suggestion of suggestions) {
      if (decided(suggestion.id)) continue;
      const key = suggestionKey(datasetNodeId, suggestion.id);
      const { x, y } = positions.get(suggestion.id)!;
      const entry: SuggestionEntry = {
        key,
        datasetNode: datasetNodeId,
        suggestion: {
          componentType: suggestion.componentType,
          params: suggestion.params,
          reason: suggestion.reason,
          confidence: suggestion.confidence,
          recommended: suggestion.recommended,
          attachTo: suggestion.attachTo ?? [],
        },
        x,
        y,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        nodeId: null,
      };
      const current = own.get(key);
      if (!current || !entryEquals(toEntry(current), entry)) writeSuggestionEntry(doc, entry);
      placed.push(key);
    }
  }, origin);
  return placed;
}

/**
 * Accepts a pending suggestion in one gesture: creates its node (id derived from the key) at the
 * ghost's position with its parameters, wires each of its links whose source is already a real
 * node, wires it into accepted suggestions downstream that were waiting for it, and records the
 * decision.
 */
export function acceptSuggestion(
  doc: Y.Doc,
  key: string,
  by: SuggestionDecider,
  origin: DocOrigin,
  options: SuggestionOptions = {},
): AcceptResult {
  return gesture(doc, origin, () => acceptOne(doc, key, by, origin, options));
}

/**
 * Accepts every pending recommended suggestion of a dataset node, inputs before what they feed,
 * in one gesture (one undo step). Returns one result per suggestion, in that order.
 */
export function acceptRecommended(
  doc: Y.Doc,
  datasetNodeId: string,
  by: SuggestionDecider,
  origin: DocOrigin,
  options: SuggestionOptions = {},
): AcceptResult[] {
  return gesture(doc, origin, () => {
    const set = suggestionSet(doc, datasetNodeId);
    const order = dependencyOrder([...set.values()]).filter(
      (record) => record.status === 'pending' && record.suggestion.recommended,
    );
    return order.map((record) => acceptOne(doc, record.key, by, origin, options));
  });
}

export function rejectSuggestion(
  doc: Y.Doc,
  key: string,
  by: SuggestionDecider,
  origin: DocOrigin,
  options: SuggestionOptions = {},
): boolean {
  return rejectSuggestions(doc, [key], by, origin, options).length === 1;
}

/**
 * Rejects pending suggestions in one gesture and returns the keys it rejected. Accepted
 * suggestions that were waiting for one of them get wired to what it would have passed through
 * (rejecting "Drop columns" connects the dataset to an accepted "Select target").
 */
export function rejectSuggestions(
  doc: Y.Doc,
  keys: Iterable<string>,
  by: SuggestionDecider,
  origin: DocOrigin,
  options: SuggestionOptions = {},
): string[] {
  const rules = options.rules ?? DEFAULT_RULES;
  const decidedAt = (options.now ?? (() => new Date()))().toISOString();
  return gesture(doc, origin, () => {
    const rejected: SuggestionRecord[] = [];
    for (const key of new Set(keys)) {
      const record = readSuggestion(doc, key);
      if (record?.status !== 'pending') continue;
      writeDecision(doc, key, { status: 'rejected', decidedBy: by, decidedAt, nodeId: null });
      rejected.push(record);
    }
    for (const datasetNode of new Set(rejected.map((record) => record.datasetNode))) {
      const ids = new Set(rejected.filter((r) => r.datasetNode === datasetNode).map((r) => r.suggestionId));
      const set = suggestionSet(doc, datasetNode);
      for (const [record, nodeId] of liveAccepted(doc, set)) {
        for (const link of record.suggestion.attachTo) {
          if ([link.from, ...(link.alternatives ?? [])].some((from) => ids.has(from)))
            wireLink(doc, record, nodeId, link, set, rules);
        }
      }
    }
    return rejected.map((record) => record.key);
  });
}

function acceptOne(
  doc: Y.Doc,
  key: string,
  by: SuggestionDecider,
  origin: DocOrigin,
  options: SuggestionOptions,
): AcceptResult {
  const rules = options.rules ?? DEFAULT_RULES;
  const record = readSuggestion(doc, key);
  if (!record) return { ok: false, key, reason: 'unknown-suggestion', message: `No suggestion "${key}"` };
  if (record.status !== 'pending') {
    return {
      ok: false,
      key,
      reason: 'already-decided',
      message: `This suggestion was already ${record.status}`,
    };
  }
  const { componentType, params } = record.suggestion;
  if (!rules.registry.get(componentType)) {
    return {
      ok: false,
      key,
      reason: 'unknown-component',
      message: `Component "${componentType}" is not in the catalog`,
    };
  }
  const nodeId = derivedId('node', key);
  // Present already when the same ghost was accepted here before and the node survived an undo
  // of the decision alone; reused rather than duplicated.
  if (!getNodeMap(doc, nodeId)) {
    addNode(
      doc,
      origin,
      { type: componentType, x: record.x, y: record.y, params },
      { registry: rules.registry, newId: () => nodeId },
    );
  }
  const decidedAt = (options.now ?? (() => new Date()))().toISOString();
  writeDecision(doc, key, { status: 'accepted', decidedBy: by, decidedAt, nodeId });

  const set = suggestionSet(doc, record.datasetNode);
  const accepted = set.get(record.suggestionId)!;
  const edgeIds: string[] = [];
  const keep = (edgeId: string | null) => {
    if (edgeId) edgeIds.push(edgeId);
  };
  for (const link of accepted.suggestion.attachTo) keep(wireLink(doc, accepted, nodeId, link, set, rules));
  for (const [downstream, downstreamNode] of liveAccepted(doc, set)) {
    if (downstream.key === key) continue;
    for (const link of downstream.suggestion.attachTo)
      keep(wireLink(doc, downstream, downstreamNode, link, set, rules, nodeId));
  }
  return { ok: true, key, nodeId, edgeIds };
}

function suggestionSet(doc: Y.Doc, datasetNode: string): SuggestionSet {
  return new Map(
    readSuggestions(doc)
      .filter((record) => record.datasetNode === datasetNode)
      .map((record) => [record.suggestionId, record]),
  );
}

/** Kahn's order over links (and alternatives) within the set; ties in reading order. */
function dependencyOrder(records: readonly SuggestionRecord[]): SuggestionRecord[] {
  const byId = new Map(records.map((record) => [record.suggestionId, record]));
  const inputs = new Map<string, Set<string>>();
  for (const record of records) {
    const from = record.suggestion.attachTo.flatMap((link) => [link.from, ...(link.alternatives ?? [])]);
    inputs.set(record.suggestionId, new Set(from.filter((id) => id !== record.suggestionId && byId.has(id))));
  }
  const order: SuggestionRecord[] = [];
  const done = new Set<string>();
  while (order.length < records.length) {
    // Records arrive in reading order; a cycle (never produced) is broken at its first member.
    const next =
      records.find(
        (r) => !done.has(r.suggestionId) && [...inputs.get(r.suggestionId)!].every((id) => done.has(id)),
      ) ?? records.find((r) => !done.has(r.suggestionId))!;
    done.add(next.suggestionId);
    order.push(next);
  }
  return order;
}
