/**
 * Copy, paste and duplicate. The clipboard carries plain JSON (`ClipboardPayload`), so a selection
 * copied from one pipeline pastes into another, into another tab, or into another browser; every
 * pasted node and edge gets a fresh id, so pasting twice, or into the document it came from, never
 * collides with what is there.
 */
import type * as Y from 'yjs';
import type { JsonValue } from '../catalog/types.ts';
import type { PipelineEdge } from '../graph/types.ts';
import { type ConnectionRules, type ConnectRejection, checkConnection } from './connection-check.ts';
import { writeEdge } from './edges.ts';
import { type IdFactory, randomId } from './ids.ts';
import { addNode } from './nodes.ts';
import type { DocOrigin } from './origins.ts';
import { readDocument } from './reader.ts';

export const CLIPBOARD_FORMAT = 'dominoml/selection';
export const CLIPBOARD_VERSION = 1;

/** Where a duplicate lands relative to its original: visibly apart, still close. */
export const DUPLICATE_OFFSET = { x: 40, y: 40 } as const;

export interface ClipboardNode {
  id: string;
  type: string;
  label: string;
  x: number;
  y: number;
  params: Record<string, JsonValue>;
}

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  version: typeof CLIPBOARD_VERSION;
  nodes: ClipboardNode[];
  /** Only edges between copied nodes: an edge to a node left behind has nothing to attach to. */
  edges: PipelineEdge[];
}

export interface PasteOptions {
  /** Added to every pasted position. Default: none (paste where it was copied). */
  offset?: { x: number; y: number };
  /** When given, each edge is checked like `connect` and skipped if refused. */
  rules?: ConnectionRules;
  newId?: IdFactory;
}

export interface PasteResult {
  /** Ids of the new nodes and edges, in payload order. */
  nodeIds: string[];
  edgeIds: string[];
  /** Payload node id → new node id. */
  nodeIdMap: Map<string, string>;
  skippedEdges: { edgeId: string; reason: ConnectRejection | 'unknown-node'; message: string }[];
}

/** The selected nodes (unknown ids ignored) and the edges among them, as read by `readDocument`. */
export function serializeSelection(doc: Y.Doc, nodeIds: Iterable<string>): ClipboardPayload {
  const selected = new Set(nodeIds);
  const graph = readDocument(doc).graph;
  const nodes = graph.nodes
    .filter((node) => selected.has(node.id))
    .map(({ id, type, label, x, y, params }) => ({ id, type, label, x: x ?? 0, y: y ?? 0, params }));
  const copied = new Set(nodes.map((node) => node.id));
  const edges = graph.edges.filter((edge) => copied.has(edge.source) && copied.has(edge.target));
  return { format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, nodes, edges };
}

/**
 * Adds the payload's nodes and edges under fresh ids, in one transaction. The payload must come
 * from `serializeSelection` or `parseClipboard` (which validates untrusted text).
 */
export function pasteSelection(
  doc: Y.Doc,
  origin: DocOrigin,
  payload: ClipboardPayload,
  options: PasteOptions = {},
): PasteResult {
  const newId = options.newId ?? randomId;
  const offset = options.offset ?? { x: 0, y: 0 };
  if (!Number.isFinite(offset.x) || !Number.isFinite(offset.y))
    throw new RangeError('pasteSelection: offset must be finite');
  const result: PasteResult = { nodeIds: [], edgeIds: [], nodeIdMap: new Map(), skippedEdges: [] };
  doc.transact(() => {
    for (const node of payload.nodes) {
      const id = addNode(
        doc,
        origin,
        {
          type: node.type,
          label: node.label,
          x: node.x + offset.x,
          y: node.y + offset.y,
          params: node.params,
        },
        { newId },
      );
      result.nodeIdMap.set(node.id, id);
      result.nodeIds.push(id);
    }
    for (const edge of payload.edges) {
      const source = result.nodeIdMap.get(edge.source);
      const target = result.nodeIdMap.get(edge.target);
      if (source === undefined || target === undefined) {
        result.skippedEdges.push({
          edgeId: edge.id,
          reason: 'unknown-node',
          message: 'The edge leaves the selection',
        });
        continue;
      }
      const ends = { source, sourcePort: edge.sourcePort, target, targetPort: edge.targetPort };
      const check = options.rules ? checkConnection(doc, ends, options.rules) : { ok: true as const };
      if (!check.ok) {
        result.skippedEdges.push({ edgeId: edge.id, reason: check.reason, message: check.message });
        continue;
      }
      const id = newId('edge');
      writeEdge(doc, id, ends);
      result.edgeIds.push(id);
    }
  }, origin);
  return result;
}

/** Copies and pastes in one go, next to the originals. */
export function duplicateNodes(
  doc: Y.Doc,
  origin: DocOrigin,
  nodeIds: Iterable<string>,
  options: PasteOptions = {},
): PasteResult {
  return pasteSelection(doc, origin, serializeSelection(doc, nodeIds), {
    offset: DUPLICATE_OFFSET,
    ...options,
  });
}
