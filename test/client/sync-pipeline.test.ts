import 'fake-indexeddb/auto';
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollabConnection } from '../../client/src/sync/collab-connection.ts';
import { createPipelineSync, type PipelineSync } from '../../client/src/sync/create-pipeline-sync.ts';
import { makeLocalDatabaseName } from '../../client/src/sync/local-store.ts';
import type { SyncEvent } from '../../client/src/sync/sync-state.ts';

/** A new pipeline id per test, so no test sees another's IndexedDB database or stored count. */
let pipeline = '';
let testCount = 0;
const ALICE = { id: 'alice-id', name: 'alice' };

/** Stands in for the Hocuspocus connection: records what the sync asked for, emits what we say. */
class FakeConnection implements CollabConnection {
  readonly origin = Symbol('fake provider');
  readonly calls: string[] = [];
  private listener: ((event: SyncEvent) => void) | undefined;
  private statelessListener: ((payload: string) => void) | undefined;
  onStateless(listener: (payload: string) => void) {
    this.statelessListener = listener;
    return () => {
      this.statelessListener = undefined;
    };
  }
  receiveStateless(payload: string) {
    this.statelessListener?.(payload);
  }
  subscribe(listener: (event: SyncEvent) => void) {
    this.listener = listener;
    return () => {
      this.listener = undefined;
    };
  }
  connect() {
    this.calls.push('connect');
  }
  disconnect() {
    this.calls.push('disconnect');
  }
  reconnect() {
    this.calls.push('reconnect');
  }
  destroy() {
    this.calls.push('destroy');
  }
  emit(...events: SyncEvent[]) {
    for (const event of events) this.listener?.(event);
  }
  handshake(unconfirmedAfter = 0) {
    this.emit(
      { type: 'socket', state: 'connected' },
      { type: 'authenticated', readOnly: false },
      { type: 'synced' },
      { type: 'unconfirmed', count: unconfirmedAfter },
    );
  }
}

class FakeWindow extends EventTarget {
  navigator = { onLine: true };
  goOffline() {
    this.navigator.onLine = false;
    this.dispatchEvent(new Event('offline'));
  }
  goOnline() {
    this.navigator.onLine = true;
    this.dispatchEvent(new Event('online'));
  }
}

interface Mounted {
  sync: PipelineSync;
  connection: FakeConnection;
  dispose: () => void;
}

let fakeWindow: FakeWindow;
let signedIn: boolean;
const mounted: Mounted[] = [];

function mount(user = ALICE): Mounted {
  const connection = new FakeConnection();
  const entry = createRoot((dispose) => {
    const sync = createPipelineSync(pipeline, user, {
      isSignedIn: async () => signedIn,
      connect: () => connection,
      storage: localStorage,
      window: fakeWindow,
    });
    return { sync, connection, dispose };
  });
  mounted.push(entry);
  return entry;
}

async function loaded(entry: Mounted): Promise<void> {
  await expect.poll(() => entry.sync.loadedFromDisk()).toBe(true);
}

function rename(sync: PipelineSync, name: string) {
  sync.doc.transact(() => sync.doc.getMap('meta').set('name', name), { kind: 'user', userId: ALICE.id });
}

beforeEach(() => {
  fakeWindow = new FakeWindow();
  signedIn = true;
  testCount += 1;
  pipeline = `3f1c2d4e-0000-4000-8000-${String(testCount).padStart(12, '0')}`;
  localStorage.clear();
});

afterEach(() => {
  for (const entry of mounted.splice(0)) entry.dispose();
});

describe('createPipelineSync', () => {
  it('loads the device copy first and only then connects', async () => {
    const first = mount();
    await loaded(first);
    rename(first.sync, 'Churn model');
    first.dispose();

    const second = mount();
    expect(second.connection.calls).toEqual([]);
    await loaded(second);
    expect(second.sync.doc.getMap('meta').get('name')).toBe('Churn model');
    expect(second.connection.calls).toEqual(['connect']);
    expect(second.sync.persistent()).toBe(true);
  });

  it('keeps two accounts on one browser apart', async () => {
    const alice = mount();
    await loaded(alice);
    rename(alice.sync, 'Alice only');
    alice.dispose();

    const bob = mount({ id: 'bob-id', name: 'bob' });
    await loaded(bob);
    expect(bob.sync.doc.getMap('meta').get('name')).toBeUndefined();
    expect(makeLocalDatabaseName('alice-id', pipeline)).not.toBe(makeLocalDatabaseName('bob-id', pipeline));
  });

  it('goes offline with the network, counts local edits across a reload, and reconnects when back', async () => {
    const first = mount();
    await loaded(first);
    first.connection.handshake();
    expect(first.sync.status()).toBe('online');

    fakeWindow.goOffline();
    expect(first.sync.status()).toBe('offline');
    expect(first.connection.calls.at(-1)).toBe('disconnect');
    rename(first.sync, 'Edited offline');
    rename(first.sync, 'Edited offline twice');
    expect(first.sync.unsyncedChanges()).toBe(2);
    first.dispose();

    // The reload happens without a network: the page starts offline and does not try to connect.
    const second = mount();
    await loaded(second);
    expect(second.sync.status()).toBe('offline');
    expect(second.sync.unsyncedChanges()).toBe(2);
    expect(second.connection.calls).toEqual([]);
    expect(second.sync.doc.getMap('meta').get('name')).toBe('Edited offline twice');

    fakeWindow.goOnline();
    expect(second.connection.calls).toEqual(['connect']);
    second.connection.emit(
      { type: 'socket', state: 'connected' },
      { type: 'authenticated', readOnly: false },
    );
    second.connection.emit({ type: 'unconfirmed', count: 1 }, { type: 'synced' });
    expect(second.sync.status()).toBe('syncing');
    second.connection.emit({ type: 'unconfirmed', count: 0 });
    expect(second.sync.status()).toBe('online');
    expect(second.sync.unsyncedChanges()).toBe(0);

    // Confirmed means forgotten: the next page starts at zero.
    const third = mount();
    await loaded(third);
    expect(third.sync.unsyncedChanges()).toBe(0);
  });

  it('does not count changes that came from the server', async () => {
    const entry = mount();
    await loaded(entry);
    fakeWindow.goOffline();
    entry.sync.doc.transact(
      () => entry.sync.doc.getMap('meta').set('name', 'from server'),
      entry.connection.origin,
    );
    expect(entry.sync.unsyncedChanges()).toBe(0);
  });

  it('keeps local edits when the session expired, and reconnects after a new login', async () => {
    const entry = mount();
    await loaded(entry);
    entry.connection.handshake();
    rename(entry.sync, 'Edited after expiry');

    signedIn = false;
    entry.connection.emit({ type: 'authentication-failed' });
    await expect.poll(() => entry.sync.status()).toBe('auth-required');
    expect(entry.connection.calls.at(-1)).toBe('disconnect');
    expect(entry.sync.doc.getMap('meta').get('name')).toBe('Edited after expiry');
    expect(entry.sync.unsyncedChanges()).toBe(1);

    entry.sync.retryAfterLogin();
    expect(entry.connection.calls.at(-1)).toBe('reconnect');
    expect(entry.sync.status()).toBe('connecting');
    entry.connection.handshake();
    expect(entry.sync.status()).toBe('online');
  });

  it('reports "no access" when the session is fine but the server refuses', async () => {
    const entry = mount();
    await loaded(entry);
    entry.connection.emit({ type: 'socket', state: 'connected' }, { type: 'authentication-failed' });
    await expect.poll(() => entry.sync.status()).toBe('forbidden');
  });

  it('tells a read-only connection apart', async () => {
    const entry = mount();
    await loaded(entry);
    expect(entry.sync.serverReadOnly()).toBeUndefined();
    entry.connection.emit({ type: 'socket', state: 'connected' }, { type: 'authenticated', readOnly: true });
    expect(entry.sync.serverReadOnly()).toBe(true);
  });

  it('hands stateless messages to listeners added before the connection existed', async () => {
    const entry = mount();
    const received: string[] = [];
    const stop = entry.sync.onStateless((payload) => received.push(payload));
    await loaded(entry);
    entry.connection.receiveStateless('{"type":"dominoml/record"}');
    stop();
    entry.connection.receiveStateless('ignored');
    expect(received).toEqual(['{"type":"dominoml/record"}']);
  });

  it('destroys the connection when the page goes away', async () => {
    const entry = mount();
    await loaded(entry);
    entry.dispose();
    expect(entry.connection.calls.at(-1)).toBe('destroy');
  });
});
