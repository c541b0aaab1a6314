/**
 * A runner's way into a pipeline's awareness (ARCHITECTURE §3): a direct connection keeps the
 * document loaded while runs of it are published (awareness lives only with a loaded document),
 * and the state goes into the *server's* awareness of that document. Works on the server's own
 * Hocuspocus and on a standalone runner's (which reaches the servers through Redis).
 */
import type { Hocuspocus } from '@hocuspocus/server';
import type { RunnerAwareness } from '../../shared/doc/awareness.ts';
import type { PresenceChannel } from '../runner/run-presence.ts';
import { documentNameFor } from './document-name.ts';

export async function attachRunnerChannel(
  hocuspocus: Hocuspocus,
  pipelineId: string,
): Promise<PresenceChannel> {
  const connection = await hocuspocus.openDirectConnection(documentNameFor(pipelineId));
  const document = connection.document;
  if (!document) throw new Error(`document of pipeline ${pipelineId} did not load`);
  let released = false;
  return {
    publish(state: RunnerAwareness | null) {
      // The server document's awareness starts with no local state, so `setLocalStateField` would
      // do nothing (STACK-NOTES): always set the whole state. `null` withdraws it.
      if (!released) document.awareness.setLocalState(state);
    },
    async release() {
      if (released) return;
      released = true;
      document.awareness.setLocalState(null);
      await connection.disconnect();
    },
  };
}
