/**
 * Refuses malformed Yjs updates before they reach the document. y-protocols logs and swallows an
 * update that fails to decode, which would leave a misbehaving client connected forever; instead
 * the connection that sent it is closed, and everyone else's document stays as it was.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Thrown to Hocuspocus, which closes the connection with this code and reason. */
export class MalformedMessageError extends Error {
  readonly code = 1003; // "unsupported data"
  readonly reason = 'malformed-update';
}

export function assertWellFormedMessage(message: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // document name
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
    Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  } catch {
    throw new MalformedMessageError('malformed sync message');
  }
}
