/**
 * The Hocuspocus side of a pipeline: one socket and one provider, translated into the small
 * SyncEvent vocabulary of sync-state.ts. The rest of the client never sees provider events, so
 * a test can replace this whole file with a fake that emits the same events.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { SocketState, SyncEvent } from './sync-state.ts';

export interface CollabConnection {
  /** The origin of updates the provider applies from the server (they are not local edits). */
  readonly origin: unknown;
  subscribe(listener: (event: SyncEvent) => void): () => void;
  /** Stateless messages from the server (record notifications); returns the unsubscribe. */
  onStateless(listener: (payload: string) => void): () => void;
  /** Opens the socket and keeps reconnecting with backoff until `disconnect`. */
  connect(): void;
  /** Closes the socket and stops retrying (no network, or the server refused us). */
  disconnect(): void;
  /** A fresh socket, so the browser sends the current session cookie on the upgrade. */
  reconnect(): void;
  destroy(): void;
}

export interface CollabConnectionOptions {
  url: string;
  documentName: string;
  doc: Y.Doc;
  awareness: Awareness;
}

/** Same host as the page: the session cookie travels with the WebSocket upgrade. */
export function makeCollabUrl(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/collab`;
}

export function makeDocumentName(pipelineId: string): string {
  return `pipeline:${pipelineId}`;
}

function toSocketState(status: WebSocketStatus): SocketState {
  switch (status) {
    case WebSocketStatus.Connected:
      return 'connected';
    case WebSocketStatus.Connecting:
      return 'connecting';
    case WebSocketStatus.Disconnected:
      return 'disconnected';
    default:
      return 'disconnected';
  }
}

export function makeCollabConnection(options: CollabConnectionOptions): CollabConnection {
  const listeners = new Set<(event: SyncEvent) => void>();
  const statelessListeners = new Set<(payload: string) => void>();
  const emit = (event: SyncEvent) => {
    for (const listener of listeners) listener(event);
  };

  // Whether we want a socket. The provider's own `connect()` is a no-op while an old socket is
  // still closing, so a reconnect requested in that window is carried out once the close lands.
  let wanted = false;

  // The socket waits for `connect()`: the page loads the local copy first and may be offline.
  const socket = new HocuspocusProviderWebsocket({ url: options.url, autoConnect: false });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.documentName,
    document: options.doc,
    awareness: options.awareness,
    // Authentication is the HttpOnly session cookie on the upgrade; the token is unused.
    token: '',
    onStatus: ({ status }) => emit({ type: 'socket', state: toSocketState(status) }),
    onAuthenticated: ({ scope }) => emit({ type: 'authenticated', readOnly: scope === 'readonly' }),
    onAuthenticationFailed: () => emit({ type: 'authentication-failed' }),
    onSynced: () => emit({ type: 'synced' }),
    onUnsyncedChanges: ({ number }) => emit({ type: 'unconfirmed', count: number }),
    onStateless: ({ payload }) => {
      for (const listener of statelessListeners) listener(payload);
    },
    // Fires for a closed socket and for a document the server closed on an open socket (it
    // does that when the person's role changes or they lose access). The provider never asks for
    // a closed document again on its own, so open a fresh socket: it authenticates anew and the
    // server answers with the current role, or refuses.
    onClose: () => {
      if (socket.status === WebSocketStatus.Connected && wanted) reopen();
    },
  });
  provider.attach();

  socket.on('disconnect', () => {
    if (wanted && !socket.shouldConnect) void socket.connect();
  });
  const closing = () => socket.status !== WebSocketStatus.Disconnected && !socket.shouldConnect;
  const reopen = () => {
    wanted = true;
    if (socket.status === WebSocketStatus.Disconnected) void socket.connect();
    else socket.disconnect(); // the 'disconnect' listener above opens the new socket
  };

  return {
    origin: provider,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStateless(listener) {
      statelessListeners.add(listener);
      return () => statelessListeners.delete(listener);
    },
    connect() {
      wanted = true;
      if (!closing()) void socket.connect();
    },
    disconnect() {
      wanted = false;
      socket.disconnect();
    },
    reconnect: reopen,
    destroy() {
      wanted = false;
      listeners.clear();
      statelessListeners.clear();
      provider.destroy();
      socket.destroy();
    },
  };
}
