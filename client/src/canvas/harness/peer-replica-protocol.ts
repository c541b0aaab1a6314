/** Messages from the harness page to the simulated peer's replica (peer-replica.worker.ts). */
export type PeerReplicaRequest =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'move'; positions: { id: string; x: number; y: number }[] };
