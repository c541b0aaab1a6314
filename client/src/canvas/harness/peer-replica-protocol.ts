/** Messages from the harness page to the simulated peer's replica (peer-replica.worker.ts). */
import type { NodePosition } from '../../../../shared/doc/nodes.ts';

export type PeerReplicaRequest =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'move'; positions: readonly NodePosition[] };
