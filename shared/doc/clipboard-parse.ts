/**
 * Reading a clipboard payload from untrusted text. The clipboard is shared with every other
 * application and web page, so the text may be anything, including JSON crafted to hurt us:
 * enormous, deeply nested, `__proto__` keys, numbers that are not finite, ids that reference
 * nothing. `parseClipboard` returns a freshly built payload holding only the fields it checked,
 * or null; it never throws.
 */
import type { JsonValue } from '../catalog/types.ts';
import type { PipelineEdge } from '../graph/types.ts';
import {
  CLIPBOARD_FORMAT,
  CLIPBOARD_VERSION,
  type ClipboardNode,
  type ClipboardPayload,
} from './clipboard.ts';
import { cloneJson, isJsonValue, isPlainObject, isSafeKey } from './json.ts';

/** Limits far above any real selection, low enough that checking stays cheap. */
export const CLIPBOARD_LIMITS = {
  maxChars: 4_000_000,
  maxNodes: 2_000,
  maxEdges: 8_000,
  maxIdChars: 200,
  maxTextChars: 2_000,
} as const;

export function parseClipboard(text: unknown): ClipboardPayload | null {
  if (typeof text !== 'string' || text.length > CLIPBOARD_LIMITS.maxChars) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isPlainObject(value)) return null;
  if (value.format !== CLIPBOARD_FORMAT || value.version !== CLIPBOARD_VERSION) return null;
  const { nodes, edges } = value;
  if (!Array.isArray(nodes) || nodes.length > CLIPBOARD_LIMITS.maxNodes) return null;
  if (!Array.isArray(edges) || edges.length > CLIPBOARD_LIMITS.maxEdges) return null;

  const payload: ClipboardPayload = {
    format: CLIPBOARD_FORMAT,
    version: CLIPBOARD_VERSION,
    nodes: [],
    edges: [],
  };
  const nodeIds = new Set<string>();
  for (const raw of nodes) {
    const node = parseNode(raw);
    if (!node || nodeIds.has(node.id)) return null;
    nodeIds.add(node.id);
    payload.nodes.push(node);
  }
  const edgeIds = new Set<string>();
  for (const raw of edges) {
    const edge = parseEdge(raw);
    if (!edge || edgeIds.has(edge.id)) return null;
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target) || edge.source === edge.target) return null;
    edgeIds.add(edge.id);
    payload.edges.push(edge);
  }
  return payload;
}

function parseNode(raw: unknown): ClipboardNode | null {
  if (!isPlainObject(raw)) return null;
  const { id, type, label, x, y, params } = raw;
  if (!isId(id) || !isId(type) || !isText(label)) return null;
  if (typeof x !== 'number' || !Number.isFinite(x) || typeof y !== 'number' || !Number.isFinite(y))
    return null;
  // A params object is itself checked as JSON: safe keys, finite numbers, bounded depth.
  if (!isPlainObject(params) || !isJsonValue(params)) return null;
  return { id, type, label, x, y, params: cloneJson(params as Record<string, JsonValue>) };
}

function parseEdge(raw: unknown): PipelineEdge | null {
  if (!isPlainObject(raw)) return null;
  const { id, source, sourcePort, target, targetPort } = raw;
  if (!isId(id) || !isId(source) || !isId(sourcePort) || !isId(target) || !isId(targetPort)) return null;
  return { id, source, sourcePort, target, targetPort };
}

function isId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value !== '' &&
    value.length <= CLIPBOARD_LIMITS.maxIdChars &&
    isSafeKey(value)
  );
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= CLIPBOARD_LIMITS.maxTextChars;
}
