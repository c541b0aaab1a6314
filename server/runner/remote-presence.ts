/**
 * How a standalone runner (`npm run runner`) shows its runs live: it opens the pipeline's document
 * on a DominoML server (`DOMINOML_SERVER_URL`) like a browser would, read-only, authenticated by
 * `RUNNER_TOKEN`, and sets its runner state as that connection's awareness. Everyone on the
 * pipeline sees it, on that server and, through Redis, on the others.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { documentNameFor } from '../collab/document-name.ts';
import type { Logger } from '../logger.ts';
import type { AttachPresence, PresenceChannel } from './run-presence.ts';

/** How long to wait for the server to accept the document before publishing without it. */
const CONNECT_TIMEOUT_MS = 10_000;

export function remotePresence(serverUrl: string, token: string, logger: Logger): AttachPresence {
  const origin = new URL(serverUrl).origin;
  const headers = { origin };
  // One socket for every document (Hocuspocus multiplexes them), opened on first use.
  let socket: HocuspocusProviderWebsocket | undefined;
  const socketFor = () => {
    socket ??= new HocuspocusProviderWebsocket({
      url: `${origin.replace(/^http/, 'ws')}/collab`,
      WebSocketPolyfill: class extends WebSocket {
        constructor(address: string) {
          super(address, { headers });
        }
      },
    });
    return socket;
  };

  return async (pipelineId): Promise<PresenceChannel> => {
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      websocketProvider: socketFor(),
      name: documentNameFor(pipelineId),
      document: doc,
      token,
    });
    provider.attach();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        logger.warn(
          { pipelineId, serverUrl },
          'the server did not open the document in time; live state may not show',
        );
        resolve();
      }, CONNECT_TIMEOUT_MS);
      provider.on('synced', () => {
        clearTimeout(timer);
        resolve();
      });
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
        clearTimeout(timer);
        logger.error(
          { pipelineId, reason },
          'the server refused the runner: check RUNNER_TOKEN on both sides',
        );
        resolve();
      });
    });
    return {
      publish: (state) => provider.awareness?.setLocalState(state),
      release: async () => {
        provider.awareness?.setLocalState(null);
        provider.destroy();
        doc.destroy();
      },
    };
  };
}
