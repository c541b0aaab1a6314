/**
 * Where things live in a pipeline Y.Doc (ARCHITECTURE §3), and the only code that names the
 * root maps and fields:
 *
 *   meta   Y.Map  name: string, description: string, tags: string[], schema: number
 *   nodes  Y.Map  id → Y.Map { type, label, x, y, params: Y.Map<name, JSON> }
 *   edges  Y.Map  id → Y.Map { source, sourcePort, target, targetPort }
 *   suggestions  Y.Map  `<datasetNodeId>:<suggestionId>` → Y.Map { datasetNode, suggestion (JSON),
 *          x, y, status, decidedBy, decidedAt, nodeId } — proposed nodes (suggestions.ts)
 *
 * Values read from a document are `unknown`: a document may come from an older or newer client,
 * or a buggy or hostile one. Readers here return `undefined` for anything of the wrong shape.
 */
import * as Y from 'yjs';

export const META_MAP = 'meta';
export const NODES_MAP = 'nodes';
export const EDGES_MAP = 'edges';
export const SUGGESTIONS_MAP = 'suggestions';

export type MetaField = 'name' | 'description' | 'tags' | 'schema';
export type NodeField = 'type' | 'label' | 'x' | 'y' | 'params';
export type SuggestionField =
  | 'datasetNode'
  | 'suggestion'
  | 'x'
  | 'y'
  | 'status'
  | 'decidedBy'
  | 'decidedAt'
  | 'nodeId';

/** The endpoints of an edge: which output port feeds which input port. */
export interface EdgeEnds {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP);
}

export function getNodesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(NODES_MAP);
}

export function getEdgesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(EDGES_MAP);
}

/** Suggested nodes waiting for review, and the decisions taken on them (never part of the graph). */
export function getSuggestionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SUGGESTIONS_MAP);
}

/** The node's Y.Map, or undefined when there is no such node or its value is not a Y.Map. */
export function getNodeMap(doc: Y.Doc, nodeId: string): Y.Map<unknown> | undefined {
  const value = getNodesMap(doc).get(nodeId);
  return value instanceof Y.Map ? value : undefined;
}

export function getEdgeMap(doc: Y.Doc, edgeId: string): Y.Map<unknown> | undefined {
  const value = getEdgesMap(doc).get(edgeId);
  return value instanceof Y.Map ? value : undefined;
}

export function readString(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' ? value : undefined;
}

export function readFiniteNumber(map: Y.Map<unknown>, key: string): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The component id of a node, or undefined for a broken node. */
export function readNodeType(nodeMap: Y.Map<unknown>): string | undefined {
  const type = readString(nodeMap, 'type');
  return type === '' ? undefined : type;
}

/** An edge's endpoints when all four are non-empty strings, else undefined. */
export function readEdgeEnds(value: unknown): EdgeEnds | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const source = value.get('source');
  const sourcePort = value.get('sourcePort');
  const target = value.get('target');
  const targetPort = value.get('targetPort');
  if (!isNonEmptyString(source) || !isNonEmptyString(sourcePort)) return undefined;
  if (!isNonEmptyString(target) || !isNonEmptyString(targetPort)) return undefined;
  return { source, sourcePort, target, targetPort };
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** Ids of a Y.Map in code-point order: replicas iterate maps in different orders. */
export function sortedKeys(map: Y.Map<unknown>): string[] {
  return Array.from(map.keys()).sort(compareIds);
}

/** Plain code-point comparison: locale-independent, so every machine sorts alike. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
