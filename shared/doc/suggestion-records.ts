/**
 * The `suggestions` map of a pipeline document: proposed nodes for a dataset node, shown as ghosts
 * until someone accepts (a real node is created) or rejects them, and kept afterwards as the
 * record of who decided what. This file reads and writes entries; suggestions.ts holds the
 * operations people use.
 *
 *   key   `<datasetNodeId>:<suggestionId>`
 *   value Y.Map { datasetNode, suggestion (JSON: componentType, params, reason, confidence,
 *                 recommended, attachTo), x, y, status, decidedBy {id, name} | null,
 *                 decidedAt (ISO) | null, nodeId (the real node once accepted) | null }
 *
 * Entries are never part of the graph: `readDocument`, code generation, validation and version
 * diffs read `nodes` and `edges` only.
 */
import * as Y from 'yjs';
import type { JsonValue } from '../catalog/types.ts';
import type { SuggestionLink } from '../datasets/suggest/types.ts';
import { cloneJson, isJsonValue, isPlainObject, jsonEquals } from './json.ts';
import {
  compareIds,
  getNodeMap,
  getSuggestionsMap,
  isNonEmptyString,
  readFiniteNumber,
  readString,
} from './layout.ts';

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

/** Who accepted or rejected a suggestion. */
export interface SuggestionDecider {
  id: string;
  name: string;
}

/** What is stored of a `NodeSuggestion` (its id is in the key). */
export interface StoredSuggestion {
  componentType: string;
  params: Record<string, JsonValue>;
  reason: string;
  confidence: number;
  recommended: boolean;
  attachTo: SuggestionLink[];
}

/** One entry as plain data (also what a version snapshot restores). */
export interface SuggestionEntry {
  key: string;
  datasetNode: string;
  suggestion: StoredSuggestion;
  x: number;
  y: number;
  status: SuggestionStatus;
  decidedBy: SuggestionDecider | null;
  decidedAt: string | null;
  nodeId: string | null;
}

export interface SuggestionRecord extends SuggestionEntry {
  /** The suggestion's own id within its set (`impute-numeric`), as links name it. */
  suggestionId: string;
}

export function suggestionKey(datasetNodeId: string, suggestionId: string): string {
  return `${datasetNodeId}:${suggestionId}`;
}

/**
 * Every well-formed entry, ordered by dataset node, then column and row on the canvas (which is
 * dependency order, as they are laid out), then key. Malformed entries (another client's bug, a
 * hostile peer) are skipped, never thrown on.
 */
export function readSuggestions(doc: Y.Doc): SuggestionRecord[] {
  const records: SuggestionRecord[] = [];
  for (const [key, value] of getSuggestionsMap(doc)) {
    const record = readEntry(key, value);
    if (record) records.push(record);
  }
  return records.sort(
    (a, b) => compareIds(a.datasetNode, b.datasetNode) || a.x - b.x || a.y - b.y || compareIds(a.key, b.key),
  );
}

/** Pending suggestions whose dataset node is still in the document: the ghosts to show. */
export function readPendingSuggestions(doc: Y.Doc): SuggestionRecord[] {
  return readSuggestions(doc).filter(
    (record) => record.status === 'pending' && getNodeMap(doc, record.datasetNode) !== undefined,
  );
}

export function readSuggestion(doc: Y.Doc, key: string): SuggestionRecord | null {
  return readEntry(key, getSuggestionsMap(doc).get(key));
}

/** Writes an entry as a new Y.Map under its key. Must run inside a transaction. */
export function writeSuggestionEntry(doc: Y.Doc, entry: SuggestionEntry): void {
  const map = new Y.Map<unknown>();
  map.set('datasetNode', entry.datasetNode);
  map.set('suggestion', cloneJson(entry.suggestion as unknown as JsonValue));
  map.set('x', entry.x);
  map.set('y', entry.y);
  map.set('status', entry.status);
  map.set('decidedBy', entry.decidedBy ? { id: entry.decidedBy.id, name: entry.decidedBy.name } : null);
  map.set('decidedAt', entry.decidedAt);
  map.set('nodeId', entry.nodeId);
  getSuggestionsMap(doc).set(entry.key, map);
}

/** Records a decision in place (other fields untouched, so concurrent edits merge per field). */
export function writeDecision(
  doc: Y.Doc,
  key: string,
  decision: {
    status: SuggestionStatus;
    decidedBy: SuggestionDecider;
    decidedAt: string;
    nodeId: string | null;
  },
): void {
  const map = getSuggestionsMap(doc).get(key);
  if (!(map instanceof Y.Map)) return;
  map.set('status', decision.status);
  map.set('decidedBy', { id: decision.decidedBy.id, name: decision.decidedBy.name });
  map.set('decidedAt', decision.decidedAt);
  map.set('nodeId', decision.nodeId);
}

/**
 * Deletes the pending suggestions of these dataset nodes (decisions stay, as history). Must run
 * inside a transaction; returns how many went.
 */
export function deletePendingSuggestionsOf(doc: Y.Doc, datasetNodeIds: ReadonlySet<string>): number {
  const map = getSuggestionsMap(doc);
  const doomed: string[] = [];
  for (const [key, value] of map) {
    if (!(value instanceof Y.Map)) continue;
    const datasetNode = readString(value, 'datasetNode');
    if (datasetNode && datasetNodeIds.has(datasetNode) && value.get('status') === 'pending') doomed.push(key);
  }
  for (const key of doomed) map.delete(key);
  return doomed.length;
}

/** Whether the stored entry already holds exactly this (so rewriting it would change nothing). */
export function entryEquals(record: SuggestionEntry, entry: SuggestionEntry): boolean {
  return (
    record.key === entry.key &&
    record.datasetNode === entry.datasetNode &&
    record.x === entry.x &&
    record.y === entry.y &&
    record.status === entry.status &&
    record.decidedAt === entry.decidedAt &&
    record.nodeId === entry.nodeId &&
    jsonEquals(record.decidedBy as JsonValue, entry.decidedBy as JsonValue) &&
    jsonEquals(record.suggestion as unknown as JsonValue, entry.suggestion as unknown as JsonValue)
  );
}

/** The plain entry of a record (without the derived suggestion id). */
export function toEntry(record: SuggestionRecord): SuggestionEntry {
  const { suggestionId: _id, ...entry } = record;
  return entry;
}

function readEntry(key: string, value: unknown): SuggestionRecord | null {
  if (!(value instanceof Y.Map)) return null;
  const datasetNode = readString(value, 'datasetNode');
  if (!isNonEmptyString(datasetNode) || !key.startsWith(`${datasetNode}:`)) return null;
  const suggestionId = key.slice(datasetNode.length + 1);
  const suggestion = readStoredSuggestion(value.get('suggestion'));
  const x = readFiniteNumber(value, 'x');
  const y = readFiniteNumber(value, 'y');
  const status = value.get('status');
  if (!suggestionId || !suggestion || x === undefined || y === undefined) return null;
  if (status !== 'pending' && status !== 'accepted' && status !== 'rejected') return null;
  const decidedAt = value.get('decidedAt');
  const nodeId = value.get('nodeId');
  return {
    key,
    datasetNode,
    suggestionId,
    suggestion,
    x,
    y,
    status,
    decidedBy: readDecider(value.get('decidedBy')),
    decidedAt: typeof decidedAt === 'string' ? decidedAt : null,
    nodeId: isNonEmptyString(nodeId) ? nodeId : null,
  };
}

function readDecider(value: unknown): SuggestionDecider | null {
  if (!isPlainObject(value)) return null;
  const { id, name } = value;
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null;
}

/** A copy of the stored suggestion when every field has its type, else null. */
export function readStoredSuggestion(value: unknown): StoredSuggestion | null {
  if (!isPlainObject(value) || !isJsonValue(value)) return null;
  const { componentType, params, reason, confidence, recommended, attachTo } = value;
  if (!isNonEmptyString(componentType) || !isPlainObject(params) || typeof reason !== 'string') return null;
  if (typeof confidence !== 'number' || typeof recommended !== 'boolean' || !Array.isArray(attachTo))
    return null;
  const links: SuggestionLink[] = [];
  for (const link of attachTo) {
    if (!isPlainObject(link) || !isNonEmptyString(link.from) || !isNonEmptyString(link.port)) return null;
    const alternatives = link.alternatives;
    if (alternatives !== undefined && !(Array.isArray(alternatives) && alternatives.every(isNonEmptyString)))
      return null;
    links.push({
      from: link.from,
      port: link.port,
      ...(alternatives ? { alternatives: [...(alternatives as string[])] } : {}),
    });
  }
  return {
    componentType,
    params: cloneJson(params as Record<string, JsonValue>),
    reason,
    confidence,
    recommended,
    attachTo: links,
  };
}
