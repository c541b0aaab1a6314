/**
 * A second person for the harness. Their document replica lives in a worker
 * (peer-replica.worker.ts), wired to ours the way a provider would be: updates travel both ways
 * as messages, so their edits cost this page only the receiving and applying, as a real
 * collaborator's do. Their presence is an Awareness on this page, relayed through the real
 * y-protocols encoding rather than by faking states.
 */
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { NodePosition } from '../../../../shared/doc/nodes.ts';
import { REMOTE_ORIGIN } from '../../../../shared/doc/origins.ts';
import type { PeerReplicaRequest } from './peer-replica-protocol.ts';

export interface Peer {
  awareness: Awareness;
  /** Moves nodes on the peer's replica; the change arrives here later, as a remote update. */
  move(positions: readonly NodePosition[]): void;
  disconnect(): void;
}

export function connectPeer(local: Y.Doc, localAwareness: Awareness): Peer {
  const worker = new Worker(new URL('./peer-replica.worker.ts', import.meta.url), { type: 'module' });
  const send = (request: PeerReplicaRequest) => worker.postMessage(request);
  send({ kind: 'update', update: Y.encodeStateAsUpdate(local) });
  const forward = (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) send({ kind: 'update', update });
  };
  local.on('update', forward);
  worker.onmessage = ({ data }: MessageEvent<Uint8Array>) => Y.applyUpdate(local, data, REMOTE_ORIGIN);

  // Awareness needs a document only for its client id: a distinct one, as a second person has.
  const awareness = new Awareness(new Y.Doc());
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
  return {
    awareness,
    move: (positions) => send({ kind: 'move', positions }),
    disconnect() {
      local.off('update', forward);
      worker.terminate();
      awareness.destroy();
    },
  };
}
