/**
 * A second person for the harness: their own Y.Doc replica and Awareness, wired to ours in memory
 * the way a provider would (updates and awareness messages in both directions), so presence is
 * exercised through the real y-protocols encoding rather than by faking states.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { REMOTE_ORIGIN } from '../../../../shared/doc/origins.ts';

export interface Peer {
  doc: Y.Doc;
  awareness: Awareness;
}

export function connectPeer(local: Y.Doc, localAwareness: Awareness): Peer {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(local), REMOTE_ORIGIN);
  const awareness = new Awareness(doc);
  local.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(doc, update, REMOTE_ORIGIN);
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(local, update, REMOTE_ORIGIN);
  });
  // As a provider does: only changes made on this side travel, never the other side's echoed back.
  const relay = (from: Awareness, to: Awareness) => {
    from.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        if (origin === REMOTE_ORIGIN) return;
        applyAwarenessUpdate(
          to,
          encodeAwarenessUpdate(from, [...added, ...updated, ...removed]),
          REMOTE_ORIGIN,
        );
      },
    );
  };
  relay(localAwareness, awareness);
  relay(awareness, localAwareness);
  return { doc, awareness };
}
