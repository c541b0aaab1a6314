/**
 * One pipeline document on this page: a Y.Doc loaded from this device first (y-indexeddb), then
 * kept in sync with the server (Hocuspocus) whenever there is a network and a valid session.
 *
 * Nothing here ever drops local state: offline, edits keep landing in the document and on disk;
 * when the server refuses because the session expired, the document and its stored copy stay and
 * sync after the person logs in again (`retryAfterLogin`).
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  type CollabConnection,
  makeCollabConnection,
  makeCollabUrl,
  makeDocumentName,
} from './collab-connection.ts';
import { type LocalStore, makeIndexeddbStore, makeLocalDatabaseName } from './local-store.ts';
import { makePendingChanges, makePendingChangesKey } from './pending-changes.ts';
import {
  deriveSyncStatus,
  initialSyncFacts,
  isFullyConfirmed,
  reduceSync,
  type SyncEvent,
  type SyncFacts,
  type SyncStatus,
} from './sync-state.ts';

/** After a failed access check (network hiccup), try the server again this much later. */
export const ACCESS_CHECK_RETRY_MS = 5_000;

export interface SyncUser {
  id: string;
  name: string;
}

/** The outside world, injectable so tests can run without a server, a network or a disk. */
export interface PipelineSyncDeps {
  /** After the server refused the document: is the session still valid? Throws on network errors. */
  isSignedIn: () => Promise<boolean>;
  openLocalStore?: (name: string, doc: Y.Doc) => LocalStore;
  connect?: (options: { documentName: string; doc: Y.Doc; awareness: Awareness }) => CollabConnection;
  storage?: Storage | undefined;
  /** The page's window: `online`/`offline` events and `navigator.onLine`. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    navigator: Pick<Navigator, 'onLine'>;
  };
}

export interface PipelineSync {
  doc: Y.Doc;
  awareness: Awareness;
  status: Accessor<SyncStatus>;
  /**
   * Local changes the server has not confirmed. While connected: what the provider sent and
   * awaits; while offline or logged out: every edit since the last full confirmation, including
   * those from before a reload.
   */
  unsyncedChanges: Accessor<number>;
  /** The device's copy is in the document (or there is none to load). */
  loadedFromDisk: Accessor<boolean>;
  /** False when IndexedDB could not be opened: edits then live only as long as the page. */
  persistent: Accessor<boolean>;
  /** What the server said about this connection; undefined before it answered. */
  serverReadOnly: Accessor<boolean | undefined>;
  /** Call after a successful login: reconnects so the new session cookie is sent. */
  retryAfterLogin(): void;
  /** Another request found the session ended: stop syncing and ask for a login (edits stay). */
  sessionEnded(): void;
  /**
   * Stateless messages the server broadcasts on this document (record notifications: versions,
   * comments, reviews, runs). Listeners added before the connection opens are kept for it.
   */
  onStateless(listener: (payload: string) => void): () => void;
}

export function createPipelineSync(pipelineId: string, user: SyncUser, deps: PipelineSyncDeps): PipelineSync {
  const win = deps.window ?? window;
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const databaseName = makeLocalDatabaseName(user.id, pipelineId);
  const pending = makePendingChanges(deps.storage, makePendingChangesKey(databaseName));

  const [facts, setFacts] = createSignal<SyncFacts>(initialSyncFacts(win.navigator.onLine));
  const [pendingCount, setPendingCount] = createSignal(pending.count());
  const [loadedFromDisk, setLoadedFromDisk] = createSignal(false);
  const [persistent, setPersistent] = createSignal(true);
  let disposed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connection: CollabConnection | undefined;
  // Listeners live here, not on the connection, which only exists once the local copy has loaded.
  const statelessListeners = new Set<(payload: string) => void>();

  const dispatch = (event: SyncEvent) => {
    if (disposed) return;
    const next = reduceSync(facts(), event);
    setFacts(next);
    if (isFullyConfirmed(next) && pending.count() > 0) {
      pending.clear();
      setPendingCount(0);
    }
  };

  const store = (deps.openLocalStore ?? makeIndexeddbStore)(databaseName, doc);

  const countLocalEdit = (_update: Uint8Array, origin: unknown) => {
    if (origin === store.origin || (connection && origin === connection.origin)) return;
    setPendingCount(pending.add());
  };
  doc.on('update', countLocalEdit);

  const onOnline = () => {
    dispatch({ type: 'browser-online' });
    connection?.connect();
  };
  const onOffline = () => {
    dispatch({ type: 'browser-offline' });
    // Without a network the socket would only fail and back off further; reopen on `online`.
    connection?.disconnect();
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);

  async function checkAccess(): Promise<void> {
    connection?.disconnect(); // the server will refuse every retry until something changes
    try {
      const signedIn = await deps.isSignedIn();
      dispatch({ type: 'access-checked', result: signedIn ? 'forbidden' : 'auth-required' });
    } catch {
      // No answer (network): act as if the socket dropped and try again later.
      dispatch({ type: 'socket', state: 'disconnected' });
      retryTimer = setTimeout(() => {
        if (facts().browserOnline) connection?.connect();
      }, ACCESS_CHECK_RETRY_MS);
    }
  }

  void store.loaded.then((ok) => {
    if (disposed) return;
    setPersistent(ok);
    setLoadedFromDisk(true);
    // Connect only now: the provider must not send the stored state as if it were a new edit.
    connection = (deps.connect ?? connectToServer)({
      documentName: makeDocumentName(pipelineId),
      doc,
      awareness,
    });
    connection.onStateless((payload) => {
      for (const listener of statelessListeners) listener(payload);
    });
    connection.subscribe((event) => {
      dispatch(event);
      if (event.type === 'authentication-failed') void checkAccess();
    });
    if (facts().browserOnline) connection.connect();
  });

  onCleanup(() => {
    disposed = true;
    clearTimeout(retryTimer);
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
    doc.off('update', countLocalEdit);
    // Destroying the provider also tells the others we left (it clears our awareness state).
    connection?.destroy();
    if (!connection) awareness.destroy();
    void store.destroy().finally(() => doc.destroy());
  });

  const status = () => deriveSyncStatus(facts());
  return {
    doc,
    awareness,
    status,
    unsyncedChanges: () => {
      const current = status();
      const providerCount = facts().unconfirmed;
      if (current === 'offline' || current === 'auth-required' || current === 'connecting') {
        return Math.max(providerCount, pendingCount());
      }
      return providerCount;
    },
    loadedFromDisk,
    persistent,
    serverReadOnly: () => {
      const access = facts().access;
      if (access === 'read-only') return true;
      if (access === 'read-write') return false;
      return undefined;
    },
    onStateless(listener) {
      statelessListeners.add(listener);
      return () => statelessListeners.delete(listener);
    },
    sessionEnded() {
      // A REST request learned it first: the socket would only be refused too.
      if (retryTimer) clearTimeout(retryTimer);
      connection?.disconnect();
      dispatch({ type: 'access-checked', result: 'auth-required' });
    },
    retryAfterLogin() {
      dispatch({ type: 'reauthenticating' });
      if (facts().browserOnline) connection?.reconnect();
    },
  };
}

function connectToServer(options: {
  documentName: string;
  doc: Y.Doc;
  awareness: Awareness;
}): CollabConnection {
  return makeCollabConnection({ url: makeCollabUrl(location.origin), ...options });
}
