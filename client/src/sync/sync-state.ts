/**
 * The sync status of one pipeline as a pure reducer over what the network, the provider and the
 * access check report. Keeping it free of Yjs, Solid and the DOM makes every transition testable
 * and keeps the UI's wording (sync-status-text.ts) apart from the facts.
 */
import { assertNever } from '../../../shared/doc/assert-never.ts';

/** What the top bar shows. */
export type SyncStatus = 'connecting' | 'online' | 'syncing' | 'offline' | 'auth-required' | 'forbidden';

export type SocketState = 'connecting' | 'connected' | 'disconnected';

/** What we know about access to the document on the server. */
export type AccessState =
  /** Not answered yet on this connection. */
  | 'unknown'
  | 'read-write'
  | 'read-only'
  /** The server refused; we are asking `/api/auth/me` whether the session or the role is the reason. */
  | 'checking'
  /** The session expired: local edits wait for a new login. */
  | 'auth-required'
  /** The person is logged in but has no access (any more). */
  | 'forbidden';

export interface SyncFacts {
  /** `navigator.onLine`: false means no network at all, so we do not even try. */
  browserOnline: boolean;
  socket: SocketState;
  /**
   * Whether the first connection attempt has ended, either way: until then the page is
   * "connecting"; afterwards a missing connection (dropped, or a server that never answered)
   * reads "offline".
   */
  attempted: boolean;
  access: AccessState;
  /** The first sync handshake on the current connection finished. */
  synced: boolean;
  /** Local changes sent but not confirmed by the server (the provider's count). */
  unconfirmed: number;
}

export type SyncEvent =
  | { type: 'browser-online' }
  | { type: 'browser-offline' }
  | { type: 'socket'; state: SocketState }
  | { type: 'authenticated'; readOnly: boolean }
  | { type: 'authentication-failed' }
  | { type: 'access-checked'; result: 'auth-required' | 'forbidden' }
  /** A new login happened; the connection is retried with the new session cookie. */
  | { type: 'reauthenticating' }
  | { type: 'synced' }
  | { type: 'unconfirmed'; count: number };

export function initialSyncFacts(browserOnline: boolean): SyncFacts {
  return {
    browserOnline,
    socket: 'disconnected',
    attempted: false,
    access: 'unknown',
    synced: false,
    unconfirmed: 0,
  };
}

/** Refusals that last until the person does something (logs in, reloads after being re-invited). */
function isRefused(access: AccessState): boolean {
  return access === 'auth-required' || access === 'forbidden';
}

export function reduceSync(facts: SyncFacts, event: SyncEvent): SyncFacts {
  switch (event.type) {
    case 'browser-online':
      return { ...facts, browserOnline: true };
    case 'browser-offline':
      return { ...facts, browserOnline: false };
    case 'socket': {
      if (event.state === 'connected') return { ...facts, socket: 'connected', attempted: true };
      if (event.state === 'connecting') return { ...facts, socket: 'connecting' };
      // A closed socket forgets the handshake and the access answer; a refusal stays until resolved.
      return {
        ...facts,
        socket: 'disconnected',
        attempted: facts.attempted || facts.socket === 'connecting',
        synced: false,
        access: isRefused(facts.access) ? facts.access : 'unknown',
      };
    }
    case 'authenticated':
      return { ...facts, access: event.readOnly ? 'read-only' : 'read-write' };
    case 'authentication-failed':
      return { ...facts, access: 'checking', synced: false };
    case 'access-checked':
      return { ...facts, access: event.result };
    case 'reauthenticating':
      // A fresh start: "connecting" until the new attempt ends.
      return { ...facts, access: 'unknown', synced: false, attempted: false };
    case 'synced':
      return { ...facts, synced: true };
    case 'unconfirmed':
      return { ...facts, unconfirmed: Math.max(0, event.count) };
    default:
      return assertNever(event);
  }
}

export function deriveSyncStatus(facts: SyncFacts): SyncStatus {
  if (facts.access === 'forbidden') return 'forbidden';
  if (facts.access === 'auth-required') return 'auth-required';
  if (!facts.browserOnline) return 'offline';
  if (facts.socket !== 'connected') return facts.attempted ? 'offline' : 'connecting';
  if (facts.access === 'unknown' || facts.access === 'checking') return 'connecting';
  if (!facts.synced) return 'syncing';
  // The server drops a read-only connection's updates without confirming them, so the count
  // would never reach zero; read-only people cannot edit, so there is nothing to wait for.
  if (facts.access === 'read-only') return 'online';
  return facts.unconfirmed > 0 ? 'syncing' : 'online';
}

/** Whether the server has confirmed everything this replica wrote (the moment to forget old counts). */
export function isFullyConfirmed(facts: SyncFacts): boolean {
  return deriveSyncStatus(facts) === 'online' && facts.access === 'read-write';
}
