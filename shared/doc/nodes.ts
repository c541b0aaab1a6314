/** Adding, moving, renaming and deleting nodes. */
import * as Y from 'yjs';
import type { ComponentRegistry, JsonValue } from '../catalog/types.ts';
import { type IdFactory, randomId } from './ids.ts';
import { isJsonValue, isSafeKey } from './json.ts';
import {
  getEdgesMap,
  getNodeMap,
  getNodesMap,
  readEdgeEnds,
  readFiniteNumber,
  readString,
} from './layout.ts';
import type { DocOrigin } from './origins.ts';
import { createParamsMap } from './params-map.ts';
import { deletePendingSuggestionsOf } from './suggestion-records.ts';

export interface NodeSpec {
  /** Catalog component id. */
  type: string;
  x: number;
  y: number;
  /** Defaults to the component's label, or to `type` when the component is unknown. */
  label?: string;
  /** Override the component's defaults. */
  params?: Readonly<Record<string, JsonValue>>;
}

export interface AddNodeOptions {
  /** Fills params from the component's defaults and the label from its name. */
  registry?: ComponentRegistry;
  newId?: IdFactory;
}

export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

export interface DeletedElements {
  nodeIds: string[];
  edgeIds: string[];
}

/**
 * Adds a node and returns its id. Throws on a malformed spec (empty type, non-finite position,
 * non-JSON params): those are programming errors, checked before anything is written.
 */
export function addNode(doc: Y.Doc, origin: DocOrigin, spec: NodeSpec, options: AddNodeOptions = {}): string {
  if (spec.type === '') throw new TypeError('addNode: a node needs a component type');
  assertFinitePosition(spec.x, spec.y);
  const component = options.registry?.get(spec.type);
  const params: Record<string, JsonValue> = {};
  for (const param of component?.params ?? []) params[param.name] = param.default;
  for (const [name, value] of Object.entries(spec.params ?? {})) {
    if (!isSafeKey(name) || !isJsonValue(value))
      throw new TypeError(`addNode: parameter "${name}" is not JSON`);
    params[name] = value;
  }
  const id = (options.newId ?? randomId)('node');
  doc.transact(() => {
    const node = new Y.Map<unknown>();
    node.set('type', spec.type);
    node.set('label', spec.label ?? component?.label ?? spec.type);
    node.set('x', spec.x);
    node.set('y', spec.y);
    node.set('params', createParamsMap(params));
    getNodesMap(doc).set(id, node);
  }, origin);
  return id;
}

/**
 * Moves nodes in one transaction, typically when a drag ends (positions during the drag travel in
 * awareness). Writes only coordinates that changed: every overwrite of a Y.Map value stays in the
 * document's history. Unknown ids are skipped (the node may have been deleted concurrently).
 * Returns how many nodes moved.
 */
export function moveNodes(doc: Y.Doc, origin: DocOrigin, positions: readonly NodePosition[]): number {
  for (const { x, y } of positions) assertFinitePosition(x, y);
  let moved = 0;
  doc.transact(() => {
    for (const { id, x, y } of positions) {
      const node = getNodeMap(doc, id);
      if (!node) continue;
      const xChanged = readFiniteNumber(node, 'x') !== x;
      const yChanged = readFiniteNumber(node, 'y') !== y;
      if (xChanged) node.set('x', x);
      if (yChanged) node.set('y', y);
      if (xChanged || yChanged) moved++;
    }
  }, origin);
  return moved;
}

export function moveNode(doc: Y.Doc, origin: DocOrigin, id: string, x: number, y: number): boolean {
  return moveNodes(doc, origin, [{ id, x, y }]) === 1;
}

/** Sets a node's label; returns whether it changed (false too for an unknown node). */
export function renameNode(doc: Y.Doc, origin: DocOrigin, id: string, label: string): boolean {
  const node = getNodeMap(doc, id);
  if (!node || readString(node, 'label') === label) return false;
  doc.transact(() => node.set('label', label), origin);
  return true;
}

/**
 * Deletes nodes and every edge touching them, in one transaction, so no replica ever sees the
 * edges dangling. (A concurrent `connect` on another replica can still create one: see reader.ts.)
 * The pending suggestions of a deleted dataset node go too (undo brings them back with it).
 */
export function deleteNodes(doc: Y.Doc, origin: DocOrigin, ids: Iterable<string>): DeletedElements {
  const nodes = getNodesMap(doc);
  const doomed = new Set(Array.from(ids).filter((id) => nodes.has(id)));
  const deleted: DeletedElements = { nodeIds: Array.from(doomed), edgeIds: [] };
  if (doomed.size === 0) return deleted;
  const edges = getEdgesMap(doc);
  doc.transact(() => {
    for (const [edgeId, value] of edges) {
      const ends = readEdgeEnds(value);
      // Malformed edges are left alone: the reader reports them, and they touch nothing known.
      if (ends && (doomed.has(ends.source) || doomed.has(ends.target))) deleted.edgeIds.push(edgeId);
    }
    for (const edgeId of deleted.edgeIds) edges.delete(edgeId);
    for (const id of doomed) nodes.delete(id);
    deletePendingSuggestionsOf(doc, doomed);
  }, origin);
  return deleted;
}

function assertFinitePosition(x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y))
    throw new RangeError(`Node position must be finite: (${x}, ${y})`);
}
