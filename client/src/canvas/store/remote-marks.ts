/**
 * Per-node facts derived from other people's awareness: who has a node selected (drawn as an
 * outline in their colour) and where their drag shows it. A person's drag names one node; the
 * rest of their selection moves with it by the same delta, exactly as their own canvas does.
 *
 * When a drag ends, the preview is held until the document position arrives (or a short grace
 * period passes), because the awareness message can overtake the document update.
 */
import type { Point } from '../controllers/geometry.ts';
import type { KeyedSignals } from './keyed-signals.ts';
import type { NodeRecords } from './node-records.ts';
import type { RemotePerson } from './presence.ts';

export interface RemoteMark {
  clientId: number;
  name: string;
  color: string;
}

/** How long a finished remote drag's preview may wait for the document write. */
export const DRAG_RELEASE_GRACE_MS = 1000;

export function remoteSelections(people: readonly RemotePerson[]): Map<string, RemoteMark[]> {
  const out = new Map<string, RemoteMark[]>();
  for (const p of people) {
    for (const id of p.selection) {
      const mark = { clientId: p.clientId, name: p.user.name, color: p.user.color };
      const list = out.get(id);
      if (list) list.push(mark);
      else out.set(id, [mark]);
    }
  }
  return out;
}

export function sameMarks(a: readonly RemoteMark[], b: readonly RemoteMark[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => m.clientId === b[i].clientId && m.color === b[i].color && m.name === b[i].name)
  );
}

/** Preview positions implied by everyone's drags, from document positions. */
export function remoteDragPositions(people: readonly RemotePerson[], nodes: NodeRecords): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const p of people) {
    if (!p.drag) continue;
    const primary = nodes.get(p.drag.nodeId);
    if (!primary) continue;
    const origin = primary.position();
    const dx = p.drag.x - origin.x;
    const dy = p.drag.y - origin.y;
    const moving = new Set(p.selection.includes(p.drag.nodeId) ? p.selection : [p.drag.nodeId]);
    for (const id of moving) {
      const r = nodes.get(id);
      if (r) out.set(id, { x: r.position().x + dx, y: r.position().y + dy });
    }
  }
  return out;
}

export interface RemoteDragApplier {
  apply(people: readonly RemotePerson[]): void;
  dispose(): void;
}

/** Keeps each record's `remotePreview` in step with everyone's drags. */
export function makeRemoteDragApplier(
  nodes: NodeRecords,
  setTimer: (fn: () => void, ms: number) => unknown = setTimeout,
  clearTimer: (handle: unknown) => void = (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
): RemoteDragApplier {
  let active = new Set<string>();
  const releasing = new Map<string, unknown>();

  const release = (id: string) => {
    const handle = releasing.get(id);
    if (handle !== undefined) clearTimer(handle);
    releasing.delete(id);
    nodes.get(id)?.setRemotePreview(null);
  };
  const stopListening = nodes.onPositionWritten((id) => {
    if (releasing.has(id)) release(id);
  });

  return {
    apply(people) {
      const next = remoteDragPositions(people, nodes);
      for (const [id, p] of next) {
        const handle = releasing.get(id);
        if (handle !== undefined) {
          clearTimer(handle);
          releasing.delete(id);
        }
        nodes.get(id)?.setRemotePreview(p);
      }
      for (const id of active) {
        if (next.has(id) || releasing.has(id)) continue;
        const r = nodes.get(id);
        const shown = r?.remotePreview();
        // Usually the document write arrived first: nothing to wait for.
        if (!r || !shown || (shown.x === r.position().x && shown.y === r.position().y)) {
          r?.setRemotePreview(null);
          continue;
        }
        releasing.set(
          id,
          setTimer(() => release(id), DRAG_RELEASE_GRACE_MS),
        );
      }
      active = new Set(next.keys());
    },
    dispose() {
      stopListening();
      for (const handle of releasing.values()) clearTimer(handle);
      releasing.clear();
    },
  };
}

export type RemoteSelectionSignals = KeyedSignals<readonly RemoteMark[]>;
