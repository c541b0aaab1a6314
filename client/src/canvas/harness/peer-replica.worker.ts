/**
 * The simulated person's replica of the document, in a worker: their edits are made and encoded
 * here, off the page's thread, as a collaborator's are on their own machine, and reach the page
 * as messages carrying Yjs updates, as a provider's do over the socket. See simulated-peer.ts.
 */
import * as Y from 'yjs';
import { moveNodes } from '../../../../shared/doc/nodes.ts';
import { createUserOrigin, REMOTE_ORIGIN } from '../../../../shared/doc/origins.ts';
import type { PeerReplicaRequest } from './peer-replica-protocol.ts';

const doc = new Y.Doc();
const origin = createUserOrigin('grace-hopper');

// Only this replica's own edits travel back; what came from the page is already there.
doc.on('update', (update: Uint8Array, from: unknown) => {
  if (from !== REMOTE_ORIGIN) postMessage(update);
});

addEventListener('message', ({ data }: MessageEvent<PeerReplicaRequest>) => {
  switch (data.kind) {
    case 'update':
      Y.applyUpdate(doc, data.update, REMOTE_ORIGIN);
      break;
    case 'move':
      moveNodes(doc, origin, data.positions);
      break;
  }
});
