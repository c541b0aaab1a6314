/** Connecting and disconnecting ports. */
import * as Y from 'yjs';
import { type ConnectionRules, type ConnectRejection, checkConnection } from './connection-check.ts';
import { type IdFactory, randomId } from './ids.ts';
import { type EdgeEnds, getEdgesMap } from './layout.ts';
import type { DocOrigin } from './origins.ts';

export type ConnectResult =
  | { ok: true; edgeId: string }
  | { ok: false; reason: ConnectRejection; message: string };

export interface ConnectOptions {
  newId?: IdFactory;
}

/** Adds an edge if `checkConnection` allows it; nothing is written otherwise. */
export function connect(
  doc: Y.Doc,
  origin: DocOrigin,
  edge: EdgeEnds,
  rules: ConnectionRules,
  options: ConnectOptions = {},
): ConnectResult {
  let result: ConnectResult | undefined;
  // Check and write in one transaction, so a composite gesture sees its own earlier writes.
  doc.transact(() => {
    const check = checkConnection(doc, edge, rules);
    if (!check.ok) {
      result = check;
      return;
    }
    const edgeId = (options.newId ?? randomId)('edge');
    writeEdge(doc, edgeId, edge);
    result = { ok: true, edgeId };
  }, origin);
  return result!;
}

/** Deletes edges by id in one transaction; returns how many existed. */
export function disconnect(doc: Y.Doc, origin: DocOrigin, edgeIds: Iterable<string>): number {
  const edges = getEdgesMap(doc);
  const existing = Array.from(new Set(edgeIds)).filter((id) => edges.has(id));
  if (existing.length === 0) return 0;
  doc.transact(() => {
    for (const id of existing) edges.delete(id);
  }, origin);
  return existing.length;
}

/** Writes an edge without checks (callers check first). Must run inside a transaction. */
export function writeEdge(doc: Y.Doc, edgeId: string, edge: EdgeEnds): void {
  const map = new Y.Map<unknown>();
  map.set('source', edge.source);
  map.set('sourcePort', edge.sourcePort);
  map.set('target', edge.target);
  map.set('targetPort', edge.targetPort);
  getEdgesMap(doc).set(edgeId, map);
}
