/**
 * An in-memory network of Yjs replicas in the style of Yjs's own test helper: updates are queued
 * per link and delivered one at a time in a seeded random order; replicas go offline (their links
 * drop whatever was in flight) and come back with the y-protocols handshake: each side sends its
 * state vector (sync step 1) and answers the other's with the update it lacks (sync step 2).
 */
import * as Y from 'yjs';
import { assertNever } from '../../../shared/doc/assert-never.ts';
import { REMOTE_ORIGIN } from '../../../shared/doc/origins.ts';
import type { SeededRandom } from './seeded-random.ts';

export type NetworkMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array };

export interface NetworkReplica {
  index: number;
  doc: Y.Doc;
  online: boolean;
}

export interface ReplicaNetwork {
  replicas: readonly NetworkReplica[];
  /** Delivers one queued message chosen at random; false when nothing is queued. */
  deliverOne(): boolean;
  disconnect(replica: NetworkReplica): void;
  /** Comes back online and starts the sync handshake with every online peer. */
  reconnect(replica: NetworkReplica): void;
  /** Brings everyone online and delivers until no message is left. */
  flush(): void;
  pendingMessages(): number;
}

export function createReplicaNetwork(count: number, random: SeededRandom): ReplicaNetwork {
  const replicas: NetworkReplica[] = [];
  /** Queue per directed link, keyed `from→to`; FIFO like a WebSocket. */
  const queues = new Map<string, { from: NetworkReplica; to: NetworkReplica; messages: NetworkMessage[] }>();

  const send = (from: NetworkReplica, to: NetworkReplica, message: NetworkMessage) => {
    const key = `${from.index}→${to.index}`;
    const queue = queues.get(key) ?? { from, to, messages: [] };
    queue.messages.push(message);
    queues.set(key, queue);
  };

  for (let index = 0; index < count; index++) {
    const doc = new Y.Doc();
    // Fixed client ids: Yjs breaks concurrent-write ties by client id, so random ones would make
    // a seed replay differently.
    doc.clientID = index + 1;
    const replica: NetworkReplica = { index, doc, online: true };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Full mesh: what arrived from a peer reached the others directly, so it is not relayed.
      if (origin === REMOTE_ORIGIN || !replica.online) return;
      for (const peer of replicas) {
        if (peer !== replica && peer.online) send(replica, peer, { kind: 'update', update });
      }
    });
    replicas.push(replica);
  }

  const receive = (from: NetworkReplica, to: NetworkReplica, message: NetworkMessage) => {
    switch (message.kind) {
      case 'sync-step-1':
        send(to, from, { kind: 'sync-step-2', update: Y.encodeStateAsUpdate(to.doc, message.stateVector) });
        return;
      case 'sync-step-2':
      case 'update':
        Y.applyUpdate(to.doc, message.update, REMOTE_ORIGIN);
        return;
      default:
        assertNever(message);
    }
  };

  const nonEmptyQueues = () => Array.from(queues.values()).filter((queue) => queue.messages.length > 0);

  const network: ReplicaNetwork = {
    replicas,
    deliverOne() {
      const candidates = nonEmptyQueues();
      if (candidates.length === 0) return false;
      const queue = random.pick(candidates);
      receive(queue.from, queue.to, queue.messages.shift()!);
      return true;
    },
    disconnect(replica) {
      replica.online = false;
      for (const queue of queues.values()) {
        if (queue.from === replica || queue.to === replica) queue.messages.length = 0;
      }
    },
    reconnect(replica) {
      if (replica.online) return;
      replica.online = true;
      for (const peer of replicas) {
        if (peer === replica || !peer.online) continue;
        send(replica, peer, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(replica.doc) });
        send(peer, replica, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(peer.doc) });
      }
    },
    flush() {
      for (const replica of replicas) network.reconnect(replica);
      while (network.deliverOne()) {
        // keep delivering
      }
    },
    pendingMessages: () => nonEmptyQueues().reduce((sum, queue) => sum + queue.messages.length, 0),
  };
  return network;
}
