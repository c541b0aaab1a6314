/**
 * Every document write the canvas makes, as plain functions over shared/doc operations. Each
 * discrete action runs inside `gesture(...)`, so it is one transaction with the user's origin and
 * one undo step however many operations it calls (paste = nodes + edges; tidy up = all moves).
 * The canvas never touches Yjs maps itself.
 */
import type * as Y from 'yjs';
import { isPortCompatible } from '../../../shared/catalog/ports.ts';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import {
  type ClipboardPayload,
  type PasteResult,
  pasteSelection,
  serializeSelection,
} from '../../../shared/doc/clipboard.ts';
import {
  type ConnectionCheck,
  type ConnectionRules,
  checkConnection,
} from '../../../shared/doc/connection-check.ts';
import { type ConnectResult, connect, disconnect } from '../../../shared/doc/edges.ts';
import { addNode, deleteNodes, moveNodes } from '../../../shared/doc/nodes.ts';
import type { DocOrigin } from '../../../shared/doc/origins.ts';
import { gesture } from '../../../shared/doc/undo.ts';
import type { Point } from './controllers/geometry.ts';
import type { PortRef } from './controllers/hit-test.ts';
import { GRID, snapPoint } from './controllers/snap.ts';

export interface CanvasEditor {
  /** Adds a component with its top-left at `at` (snapped); returns the new node id. */
  addComponent(type: string, at: Point): string;
  /** Deletes nodes (and their edges) and edges, as one step. */
  remove(nodeIds: readonly string[], edgeIds: readonly string[]): { nodes: number; edges: number };
  move(positions: ReadonlyMap<string, Point>): number;
  check(source: PortRef, target: PortRef): ConnectionCheck;
  connect(source: PortRef, target: PortRef): ConnectResult;
  copy(nodeIds: readonly string[]): ClipboardPayload;
  /** Pastes with the payload's top-left at `at` (snapped), or offset from where it was copied. */
  paste(payload: ClipboardPayload, at: Point | null): PasteResult;
}

/** Where a paste without a pointer position lands relative to the originals. */
export const PASTE_OFFSET: Point = { x: 32, y: 32 };

export function makeCanvasEditor(doc: Y.Doc, origin: DocOrigin, registry: ComponentRegistry): CanvasEditor {
  const rules: ConnectionRules = { registry, isPortCompatible };
  const ends = (source: PortRef, target: PortRef) => ({
    source: source.nodeId,
    sourcePort: source.portId,
    target: target.nodeId,
    targetPort: target.portId,
  });

  return {
    addComponent(type, at) {
      const p = snapPoint(at, GRID);
      return gesture(doc, origin, () => addNode(doc, origin, { type, x: p.x, y: p.y }, { registry }));
    },
    remove(nodeIds, edgeIds) {
      return gesture(doc, origin, () => {
        const edges = disconnect(doc, origin, edgeIds);
        const deleted = deleteNodes(doc, origin, nodeIds);
        return { nodes: deleted.nodeIds.length, edges: edges + deleted.edgeIds.length };
      });
    },
    move(positions) {
      const list = [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y }));
      return gesture(doc, origin, () => moveNodes(doc, origin, list));
    },
    check: (source, target) => checkConnection(doc, ends(source, target), rules),
    connect: (source, target) =>
      gesture(doc, origin, () => connect(doc, origin, ends(source, target), rules)),
    copy: (nodeIds) => serializeSelection(doc, nodeIds),
    paste(payload, at) {
      let offset = PASTE_OFFSET;
      if (at && payload.nodes.length > 0) {
        const minX = Math.min(...payload.nodes.map((n) => n.x));
        const minY = Math.min(...payload.nodes.map((n) => n.y));
        const target = snapPoint(at, GRID);
        offset = { x: target.x - minX, y: target.y - minY };
      }
      return gesture(doc, origin, () => pasteSelection(doc, origin, payload, { offset, rules }));
    },
  };
}
