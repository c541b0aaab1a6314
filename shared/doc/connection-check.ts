/**
 * Whether an edge may be added: the rules `connect` enforces, readable on their own so the canvas
 * can highlight valid drop targets while a wire is dragged.
 *
 * These rules hold for edits made on one replica. Concurrent edits on two replicas can each pass
 * them and still, once merged, fill a single-input port twice, duplicate an edge, close a cycle or
 * leave an edge pointing at a deleted node. The document cannot forbid that (it is a CRDT, not a
 * lock); the reader drops dangling edges and graph validation reports the rest.
 */
import type * as Y from 'yjs';
import type { ComponentRegistry, PortDef, PortType } from '../catalog/types.ts';
import { type EdgeEnds, getEdgesMap, getNodeMap, readEdgeEnds, readNodeType } from './layout.ts';

/** `isPortCompatible` from the catalog, passed in so this module does not import the catalog. */
export type PortCompatibility = (source: PortType, target: PortType) => boolean;

export interface ConnectionRules {
  registry: ComponentRegistry;
  isPortCompatible: PortCompatibility;
}

export type ConnectRejection =
  | 'unknown-node'
  | 'unknown-port'
  | 'incompatible'
  | 'occupied'
  | 'duplicate'
  | 'cycle'
  | 'self';

export type ConnectionCheck = { ok: true } | { ok: false; reason: ConnectRejection; message: string };

/** Edges of the document whose fields are well formed and whose two nodes exist. */
export function readLiveEdges(doc: Y.Doc): Map<string, EdgeEnds> {
  const live = new Map<string, EdgeEnds>();
  for (const [edgeId, value] of getEdgesMap(doc)) {
    const ends = readEdgeEnds(value);
    if (ends && getNodeMap(doc, ends.source) && getNodeMap(doc, ends.target)) live.set(edgeId, ends);
  }
  return live;
}

/**
 * Checks, in this order: both nodes exist, not a self-loop, both ports exist on their components
 * (an output on the source, an input on the target), their types are compatible, no identical edge
 * exists, the target port is free unless it accepts several edges, and no cycle would form.
 */
export function checkConnection(doc: Y.Doc, edge: EdgeEnds, rules: ConnectionRules): ConnectionCheck {
  const sourceNode = getNodeMap(doc, edge.source);
  const targetNode = getNodeMap(doc, edge.target);
  const sourceType = sourceNode && readNodeType(sourceNode);
  const targetType = targetNode && readNodeType(targetNode);
  if (!sourceType) return reject('unknown-node', `No node "${edge.source}"`);
  if (!targetType) return reject('unknown-node', `No node "${edge.target}"`);
  if (edge.source === edge.target) return reject('self', 'A node cannot be connected to itself');

  const sourcePort = findPort(rules.registry, sourceType, 'outputs', edge.sourcePort);
  if (typeof sourcePort === 'string') return reject('unknown-port', sourcePort);
  const targetPort = findPort(rules.registry, targetType, 'inputs', edge.targetPort);
  if (typeof targetPort === 'string') return reject('unknown-port', targetPort);
  if (!rules.isPortCompatible(sourcePort.type, targetPort.type)) {
    return reject('incompatible', `A ${sourcePort.type} output cannot feed a ${targetPort.type} input`);
  }

  const edges = readLiveEdges(doc);
  for (const existing of edges.values()) {
    if (sameEnds(existing, edge)) return reject('duplicate', 'These ports are already connected');
  }
  if (!targetPort.multiple) {
    for (const existing of edges.values()) {
      if (existing.target === edge.target && existing.targetPort === edge.targetPort) {
        return reject('occupied', `Input "${targetPort.label}" already has a connection`);
      }
    }
  }
  if (reaches(edges, edge.target, edge.source)) {
    return reject('cycle', 'This connection would create a cycle');
  }
  return { ok: true };
}

/** The port, or a message saying why there is none. */
function findPort(
  registry: ComponentRegistry,
  componentType: string,
  side: 'inputs' | 'outputs',
  portId: string,
): PortDef | string {
  const component = registry.get(componentType);
  if (!component) return `Component "${componentType}" is not in the catalog`;
  const port = component[side].find((candidate) => candidate.id === portId);
  const sideName = side === 'inputs' ? 'input' : 'output';
  return port ?? `${component.label} has no ${sideName} "${portId}"`;
}

function sameEnds(a: EdgeEnds, b: EdgeEnds): boolean {
  return (
    a.source === b.source &&
    a.sourcePort === b.sourcePort &&
    a.target === b.target &&
    a.targetPort === b.targetPort
  );
}

/** Whether `to` is reachable from `from` along edges (iterative, so deep graphs cannot overflow). */
function reaches(edges: ReadonlyMap<string, EdgeEnds>, from: string, to: string): boolean {
  const successors = new Map<string, string[]>();
  for (const { source, target } of edges.values()) {
    const list = successors.get(source);
    if (list) list.push(target);
    else successors.set(source, [target]);
  }
  const seen = new Set<string>([from]);
  const pending = [from];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === to) return true;
    for (const next of successors.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return false;
}

function reject(reason: ConnectRejection, message: string): ConnectionCheck {
  return { ok: false, reason, message };
}
