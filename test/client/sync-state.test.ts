import { describe, expect, it } from 'vitest';
import {
  deriveSyncStatus,
  initialSyncFacts,
  isFullyConfirmed,
  reduceSync,
  type SyncEvent,
  type SyncFacts,
} from '../../client/src/sync/sync-state.ts';

const run = (events: SyncEvent[], start: SyncFacts = initialSyncFacts(true)) =>
  events.reduce(reduceSync, start);

const HANDSHAKE: SyncEvent[] = [
  { type: 'socket', state: 'connecting' },
  { type: 'socket', state: 'connected' },
  { type: 'authenticated', readOnly: false },
  { type: 'unconfirmed', count: 1 },
  { type: 'synced' },
  { type: 'unconfirmed', count: 0 },
];

describe('sync status', () => {
  it('is connecting before the first connection, online after the handshake', () => {
    expect(deriveSyncStatus(initialSyncFacts(true))).toBe('connecting');
    expect(deriveSyncStatus(run(HANDSHAKE.slice(0, 3)))).toBe('syncing');
    expect(deriveSyncStatus(run(HANDSHAKE))).toBe('online');
  });

  it('is offline at once when the browser has no network', () => {
    expect(deriveSyncStatus(initialSyncFacts(false))).toBe('offline');
    expect(deriveSyncStatus(run([...HANDSHAKE, { type: 'browser-offline' }]))).toBe('offline');
  });

  it('reads a dropped connection as offline, and syncs again after reconnecting', () => {
    const dropped = run([...HANDSHAKE, { type: 'socket', state: 'disconnected' }]);
    expect(deriveSyncStatus(dropped)).toBe('offline');
    expect(dropped.synced).toBe(false);
    const back = run(HANDSHAKE, dropped);
    expect(deriveSyncStatus(back)).toBe('online');
  });

  it('is syncing while local changes wait for the server', () => {
    const waiting = run([...HANDSHAKE, { type: 'unconfirmed', count: 3 }]);
    expect(deriveSyncStatus(waiting)).toBe('syncing');
    expect(isFullyConfirmed(waiting)).toBe(false);
    expect(isFullyConfirmed(run([{ type: 'unconfirmed', count: 0 }], waiting))).toBe(true);
  });

  it('ignores unconfirmed changes on a read-only connection (the server never confirms them)', () => {
    const viewer = run([
      { type: 'socket', state: 'connected' },
      { type: 'authenticated', readOnly: true },
      { type: 'synced' },
      { type: 'unconfirmed', count: 2 },
    ]);
    expect(deriveSyncStatus(viewer)).toBe('online');
    expect(isFullyConfirmed(viewer)).toBe(false);
  });

  it('waits for the access check after a refusal, then says why', () => {
    const refused = run([...HANDSHAKE, { type: 'authentication-failed' }]);
    expect(deriveSyncStatus(refused)).toBe('connecting');
    expect(deriveSyncStatus(run([{ type: 'access-checked', result: 'auth-required' }], refused))).toBe(
      'auth-required',
    );
    expect(deriveSyncStatus(run([{ type: 'access-checked', result: 'forbidden' }], refused))).toBe(
      'forbidden',
    );
  });

  it('keeps "log in again" through socket drops and network changes until a new login', () => {
    const expired = run([
      { type: 'authentication-failed' },
      { type: 'access-checked', result: 'auth-required' },
      { type: 'socket', state: 'disconnected' },
      { type: 'browser-offline' },
      { type: 'browser-online' },
    ]);
    expect(deriveSyncStatus(expired)).toBe('auth-required');
    expect(deriveSyncStatus(run([{ type: 'reauthenticating' }], expired))).toBe('connecting');
    const retried = run([{ type: 'reauthenticating' }, ...HANDSHAKE], expired);
    expect(deriveSyncStatus(retried)).toBe('online');
  });

  it('reads a server that never answers as offline once the first attempt failed', () => {
    const failed = run([
      { type: 'socket', state: 'connecting' },
      { type: 'socket', state: 'disconnected' },
    ]);
    expect(deriveSyncStatus(failed)).toBe('offline');
    expect(deriveSyncStatus(run([{ type: 'socket', state: 'connecting' }], failed))).toBe('offline');
  });

  it('never counts below zero', () => {
    expect(run([{ type: 'unconfirmed', count: -1 }]).unconfirmed).toBe(0);
  });
});
