/** A Node Hocuspocus client that sends the session cookie and Origin like a browser on the page. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves when the first sync finished, rejects when authentication fails. */
  synced: Promise<void>;
  authFailure: Promise<string>;
  destroy(): void;
}

export function connectCollab(
  baseUrl: string,
  pipelineId: string,
  options: { cookie?: string; origin?: string; autoDestroy?: boolean } = {},
): CollabClient {
  const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
  if (options.cookie) headers.cookie = options.cookie;
  const HeaderedWebSocket = class extends WebSocket {
    constructor(url: string) {
      super(url, { headers });
    }
  };
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: HeaderedWebSocket,
    // Fast reconnects keep restart tests short; browsers use the provider's defaults.
    delay: 50,
    factor: 1.5,
    maxDelay: 500,
    minDelay: 50,
  });
  const doc = new Y.Doc();
  let resolveSynced!: () => void;
  let rejectSynced!: (error: Error) => void;
  let resolveFailure!: (reason: string) => void;
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  synced.catch(() => {});
  const authFailure = new Promise<string>((resolve) => {
    resolveFailure = resolve;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `pipeline:${pipelineId}`,
    document: doc,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => {
      resolveFailure(reason);
      rejectSynced(new Error(`authentication failed: ${reason}`));
    },
  });
  provider.attach();
  const destroy = () => {
    provider.destroy();
    socket.destroy();
  };
  if (options.autoDestroy !== false) onTestFinished(destroy);
  return { doc, provider, socket, synced, authFailure, destroy };
}

/** Resolves when `predicate` holds for the document, checking after each update (no polling). */
export function waitForDoc(doc: Y.Doc, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('timed out waiting for the document'));
    }, timeoutMs);
    function check() {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    }
    doc.on('update', check);
  });
}

/** Resolves once the server has acknowledged every local change of this client. */
export function waitForAcknowledged(client: CollabClient, timeoutMs = 10_000): Promise<void> {
  if (!client.provider.hasUnsyncedChanges) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for acknowledgement')), timeoutMs);
    const onChange = ({ number }: { number: number }) => {
      if (number !== 0) return;
      clearTimeout(timer);
      client.provider.off('unsyncedChanges', onChange);
      resolve();
    };
    client.provider.on('unsyncedChanges', onChange);
  });
}
