/**
 * The tolerant reader: a Y.Doc in, a plain `PipelineGraph` and its metadata out, plus the issues
 * found on the way. It never throws and never writes.
 *
 * Output is deterministic: nodes, edges and parameter names are sorted by code point, because
 * Y.Map iteration order depends on the order a replica received updates, and replicas that hold
 * the same state must produce the same graph (same code, same diff, same bytes).
 */
import * as Y from 'yjs';
import type { ComponentRegistry, JsonValue } from '../catalog/types.ts';
import type { PipelineEdge, PipelineGraph, PipelineNode } from '../graph/types.ts';
import type { DocumentIssue } from './issues.ts';
import { cloneJson, isJsonValue, isPlainObject, isSafeKey } from './json.ts';
import {
  compareIds,
  getEdgesMap,
  getMetaMap,
  getNodesMap,
  type NodeField,
  readEdgeEnds,
  readFiniteNumber,
  readNodeType,
  readString,
  sortedKeys,
} from './layout.ts';
import { CURRENT_SCHEMA, isEmptyDocument, readSchema } from './schema.ts';

export interface PipelineMeta {
  name: string;
  description: string;
  tags: string[];
  /** 0 for documents written before schemas existed. */
  schema: number;
}

export interface DocumentReading {
  meta: PipelineMeta;
  graph: PipelineGraph;
  issues: DocumentIssue[];
}

export interface ReadOptions {
  /** When given, nodes of types it does not know are reported (and still read). */
  registry?: ComponentRegistry;
}

export function readDocument(doc: Y.Doc, options: ReadOptions = {}): DocumentReading {
  const issues: DocumentIssue[] = [];
  const meta = readMeta(doc, issues);
  const nodes: PipelineNode[] = [];
  const nodesMap = getNodesMap(doc);
  for (const id of sortedKeys(nodesMap)) {
    const node = readNodeValue(id, nodesMap.get(id), options.registry, issues);
    if (node) nodes.push(node);
  }
  const edges = readEdges(doc, new Set(nodes.map((node) => node.id)), issues);
  return { meta, graph: { nodes, edges }, issues };
}

/** The graph alone; use `readDocument` to see what was left out and why. */
export function toGraph(doc: Y.Doc): PipelineGraph {
  return readDocument(doc).graph;
}

/** One node, for views that observe nodes individually. Null when absent or unreadable. */
export function readNode(doc: Y.Doc, nodeId: string, options: ReadOptions = {}): PipelineNode | null {
  return readNodeValue(nodeId, getNodesMap(doc).get(nodeId), options.registry, []);
}

/**
 * Only where a node is, as `readNode` would read it: for views that follow moves, which are most of
 * a collaborator's edits and need not re-read the parameters. Null when the node is absent or
 * unreadable.
 */
export function readNodePosition(doc: Y.Doc, nodeId: string): { x: number; y: number } | null {
  const value = getNodesMap(doc).get(nodeId);
  if (!(value instanceof Y.Map) || readNodeType(value) === undefined) return null;
  return readPosition(nodeId, value, []);
}

export function readMeta(doc: Y.Doc, issues: DocumentIssue[] = []): PipelineMeta {
  const map = getMetaMap(doc);
  const schema = readSchema(doc);
  if (schema > CURRENT_SCHEMA) {
    issues.push({
      kind: 'unsupported-schema',
      schema,
      message: `Written by a newer DominoML (format ${schema}; this version reads up to ${CURRENT_SCHEMA})`,
    });
  } else if (schema < CURRENT_SCHEMA && !isEmptyDocument(doc)) {
    issues.push({
      kind: 'outdated-schema',
      schema,
      message: `Format ${schema} needs migrating to ${CURRENT_SCHEMA}`,
    });
  }
  const rawSchema = map.get('schema');
  if (rawSchema !== undefined && rawSchema !== schema) {
    issues.push({
      kind: 'invalid-meta',
      field: 'schema',
      message: 'The format version is not a whole number',
    });
  }
  return {
    name: readMetaString(map, 'name', issues),
    description: readMetaString(map, 'description', issues),
    tags: readTags(map, issues),
    schema,
  };
}

function readMetaString(map: Y.Map<unknown>, field: 'name' | 'description', issues: DocumentIssue[]): string {
  const value = map.get(field);
  if (typeof value === 'string') return value;
  // A missing field is normal in a document that was never initialised; only a wrong type is odd.
  if (value !== undefined) issues.push({ kind: 'invalid-meta', field, message: `The ${field} is not text` });
  return '';
}

function readTags(map: Y.Map<unknown>, issues: DocumentIssue[]): string[] {
  const value = map.get('tags');
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push({ kind: 'invalid-meta', field: 'tags', message: 'The tags are not a list' });
    return [];
  }
  const tags = value.filter((tag): tag is string => typeof tag === 'string');
  if (tags.length !== value.length) {
    issues.push({ kind: 'invalid-meta', field: 'tags', message: 'Some tags are not text and were left out' });
  }
  return tags;
}

function readNodeValue(
  id: string,
  value: unknown,
  registry: ComponentRegistry | undefined,
  issues: DocumentIssue[],
): PipelineNode | null {
  if (!(value instanceof Y.Map)) {
    if (value !== undefined)
      issues.push({ kind: 'invalid-node', nodeId: id, message: 'The node is not a map' });
    return null;
  }
  const type = readNodeType(value);
  if (type === undefined) {
    issues.push({ kind: 'invalid-node', nodeId: id, message: 'The node has no component type' });
    return null;
  }
  const component = registry?.get(type);
  if (registry && !component) {
    issues.push({ kind: 'unknown-component', nodeId: id, type, message: `Unknown component "${type}"` });
  }
  let label = readString(value, 'label');
  if (label === undefined) {
    issues.push(fieldIssue(id, 'label', value.get('label'), 'text'));
    label = component?.label ?? type;
  }
  const position = readPosition(id, value, issues);
  const params = readParams(id, value.get('params'), issues);
  return { id, type, label, params, x: position.x, y: position.y };
}

/** A missing or non-finite coordinate reads as 0 (and is reported), so the node still shows. */
function readPosition(id: string, value: Y.Map<unknown>, issues: DocumentIssue[]): { x: number; y: number } {
  const position = { x: 0, y: 0 };
  for (const axis of ['x', 'y'] as const) {
    const coordinate = readFiniteNumber(value, axis);
    if (coordinate === undefined) issues.push(fieldIssue(id, axis, value.get(axis), 'a finite number'));
    else position[axis] = coordinate;
  }
  return position;
}

function readParams(nodeId: string, value: unknown, issues: DocumentIssue[]): Record<string, JsonValue> {
  let entries: [string, unknown][];
  if (value instanceof Y.Map) {
    entries = Array.from(value.entries());
  } else if (isPlainObject(value)) {
    issues.push({
      kind: 'invalid-node-field',
      nodeId,
      field: 'params',
      problem: 'wrong-type',
      message: 'Parameters are stored as a plain object (format 0); concurrent edits would not merge',
    });
    entries = Object.entries(value);
  } else {
    issues.push(fieldIssue(nodeId, 'params', value, 'a map'));
    entries = [];
  }
  entries.sort(([a], [b]) => compareIds(a, b));
  const params: Record<string, JsonValue> = {};
  for (const [name, param] of entries) {
    if (isSafeKey(name) && isJsonValue(param)) {
      // A copy: the stored value is shared with Yjs, and a caller mutating it would corrupt it.
      params[name] = cloneJson(param);
    } else {
      issues.push({
        kind: 'invalid-param',
        nodeId,
        param: name,
        message: `The value of "${name}" is not JSON`,
      });
    }
  }
  return params;
}

function fieldIssue(nodeId: string, field: NodeField, value: unknown, expected: string): DocumentIssue {
  return value === undefined
    ? { kind: 'invalid-node-field', nodeId, field, problem: 'missing', message: `The ${field} is missing` }
    : {
        kind: 'invalid-node-field',
        nodeId,
        field,
        problem: 'wrong-type',
        message: `The ${field} is not ${expected}`,
      };
}

function readEdges(doc: Y.Doc, nodeIds: ReadonlySet<string>, issues: DocumentIssue[]): PipelineEdge[] {
  const edgesMap = getEdgesMap(doc);
  const edges: PipelineEdge[] = [];
  for (const id of sortedKeys(edgesMap)) {
    const ends = readEdgeEnds(edgesMap.get(id));
    if (!ends) {
      issues.push({
        kind: 'invalid-edge',
        edgeId: id,
        message: 'The edge does not name two nodes and two ports',
      });
      continue;
    }
    const missingNodeIds = Array.from(new Set([ends.source, ends.target])).filter(
      (nodeId) => !nodeIds.has(nodeId),
    );
    if (missingNodeIds.length > 0) {
      issues.push({
        kind: 'dangling-edge',
        edgeId: id,
        missingNodeIds,
        message: `The edge points at ${missingNodeIds.map((nodeId) => `"${nodeId}"`).join(' and ')}, which does not exist`,
      });
      continue;
    }
    edges.push({ id, ...ends });
  }
  return edges;
}
