/**
 * The offline copy of a pipeline's datasets: the IndexedDB storage (over fake-indexeddb), what the
 * cache accepts back, stale-while-revalidate in `createPipelineDatasets`, and logout forgetting it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { AuthApi } from '../../client/src/api/auth.ts';
import { ApiRequestError, makeNetworkError } from '../../client/src/api/errors.ts';
import { createPipelineDatasets } from '../../client/src/datasets/create-pipeline-datasets.ts';
import {
  type CacheKey,
  type CacheStorage,
  type DatasetCache,
  makeDatasetCache,
  makeIndexeddbCacheStorage,
} from '../../client/src/datasets/dataset-cache.ts';
import { createSession } from '../../client/src/session/session.ts';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import type { User } from '../../shared/api/types.ts';
import { PROFILE_VERSION } from '../../shared/datasets/profile/index.ts';

function record(id: string, name: string, column = 'tip'): DatasetRecord {
  return {
    id,
    name,
    fileName: `${name}.csv`,
    sizeBytes: 10,
    rows: 2,
    columns: 1,
    owner: { id: 'u1', username: 'alice' },
    access: 'owner',
    pipelines: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    profile: {
      version: PROFILE_VERSION,
      rows: 2,
      columns: [
        {
          name: column,
          kind: 'float',
          dtype: 'float64',
          count: 2,
          missing: 0,
          distinct: { count: 2, exact: true },
          numeric: null,
          top: [],
          topExact: true,
        },
      ],
      delimiter: ',',
      encoding: 'utf-8',
      duplicateRows: { count: 0, exact: true },
      target: null,
      warnings: [],
    },
  };
}

/** The storage boundary as a Map, with a switch that makes every call fail. */
function memoryStorage() {
  const entries = new Map<string, unknown>();
  let broken = false;
  const id = (key: CacheKey) => JSON.stringify(key);
  const check = () => {
    if (broken) throw new Error('QuotaExceededError');
  };
  const storage: CacheStorage = {
    get: async (key) => {
      check();
      return structuredClone(entries.get(id(key)));
    },
    set: async (key, value) => {
      check();
      entries.set(id(key), structuredClone(value));
    },
    delete: async (key) => {
      check();
      entries.delete(id(key));
    },
    deleteUser: async (userId) => {
      check();
      for (const key of [...entries.keys()])
        if ((JSON.parse(key) as string[])[0] === userId) entries.delete(key);
    },
  };
  return {
    storage,
    entries,
    id,
    breakIt: () => {
      broken = true;
    },
  };
}

const noSubscribe = () => () => {};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the IndexedDB storage', () => {
  it('keeps one entry per person and pipeline, and forgets a person without touching the others', async () => {
    const storage = makeIndexeddbCacheStorage({ factory: new IDBFactory(), keyRange: IDBKeyRange });
    const cache = makeDatasetCache(storage);
    await cache.write('alice', 'p1', [record('d1', 'tips')]);
    await cache.write('alice', 'p2', [record('d2', 'penguins')]);
    await cache.write('bob', 'p1', [record('d3', 'titanic')]);

    expect((await cache.read('alice', 'p1'))?.map((d) => d.name)).toEqual(['tips']);
    expect((await cache.read('bob', 'p1'))?.map((d) => d.name)).toEqual(['titanic']);
    // Another person on the same browser never reads someone else's entry.
    expect(await cache.read('bob', 'p2')).toBeNull();
    // A prefix of a user id is another user.
    expect(await cache.read('ali', 'p1')).toBeNull();

    // Write-through replaces the entry.
    await cache.write('alice', 'p1', [record('d1', 'tips'), record('d4', 'iris')]);
    expect((await cache.read('alice', 'p1'))?.map((d) => d.id)).toEqual(['d1', 'd4']);

    await cache.forget('alice', 'p2');
    expect(await cache.read('alice', 'p2')).toBeNull();

    await cache.write('alice', 'p2', [record('d2', 'penguins')]);
    await cache.forgetUser('alice');
    expect(await cache.read('alice', 'p1')).toBeNull();
    expect(await cache.read('alice', 'p2')).toBeNull();
    expect((await cache.read('bob', 'p1'))?.map((d) => d.name)).toEqual(['titanic']);
  });

  it('survives a new connection to the same database (a reload)', async () => {
    const factory = new IDBFactory();
    const first = makeDatasetCache(makeIndexeddbCacheStorage({ factory, keyRange: IDBKeyRange }));
    await first.write('alice', 'p1', [record('d1', 'tips')]);
    const second = makeDatasetCache(makeIndexeddbCacheStorage({ factory, keyRange: IDBKeyRange }));
    expect((await second.read('alice', 'p1'))?.[0]?.profile.columns[0]?.name).toBe('tip');
  });

  it('steps aside when the database is deleted (another tab logging out of a shared profile)', async () => {
    const factory = new IDBFactory();
    const cache = makeDatasetCache(makeIndexeddbCacheStorage({ factory, keyRange: IDBKeyRange }));
    await cache.write('alice', 'p1', [record('d1', 'tips')]);
    // An open connection would block the deletion forever if it did not close on versionchange.
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase('dominoml:datasets');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
    });
    expect(await cache.read('alice', 'p1')).toBeNull();
    await cache.write('alice', 'p1', [record('d1', 'tips')]);
    expect((await cache.read('alice', 'p1'))?.length).toBe(1);
  });
});

describe('makeDatasetCache', () => {
  it('ignores entries it cannot use and never rejects', async () => {
    const memory = memoryStorage();
    const cache = makeDatasetCache(memory.storage);
    memory.entries.set(memory.id(['u1', 'old']), { version: 0, datasets: [record('d1', 'tips')] });
    memory.entries.set(memory.id(['u1', 'junk']), 'not an entry');
    const stale = record('d2', 'old profile') as unknown as { profile: { version: number } };
    stale.profile.version = PROFILE_VERSION - 1;
    memory.entries.set(memory.id(['u1', 'mixed']), {
      version: 1,
      savedAt: '2026-01-01T00:00:00.000Z',
      datasets: [record('d1', 'tips'), stale, { id: 'd3' }],
    });
    expect(await cache.read('u1', 'old')).toBeNull();
    expect(await cache.read('u1', 'junk')).toBeNull();
    expect((await cache.read('u1', 'mixed'))?.map((d) => d.id)).toEqual(['d1']);

    memory.breakIt();
    await expect(cache.write('u1', 'p1', [record('d1', 'tips')])).resolves.toBeUndefined();
    await expect(cache.read('u1', 'mixed')).resolves.toBeNull();
    await expect(cache.forget('u1', 'p1')).resolves.toBeUndefined();
    await expect(cache.forgetUser('u1')).resolves.toBeUndefined();
  });
});

describe('createPipelineDatasets with a cache', () => {
  function start(cache: DatasetCache, forPipeline: () => Promise<DatasetRecord[]>) {
    return createRoot((dispose) => ({
      datasets: createPipelineDatasets({
        api: { forPipeline },
        pipelineId: 'p1',
        subscribe: noSubscribe,
        cache: { store: cache, userId: 'u1' },
      }),
      dispose,
    }));
  }

  it('offline: shows the copy saved on the last visit, with its columns for validation', async () => {
    const memory = memoryStorage();
    const cache = makeDatasetCache(memory.storage);
    // Online first: the server's answer is written through.
    const online = start(cache, async () => [record('d1', 'tips')]);
    await expect.poll(async () => (await cache.read('u1', 'p1'))?.length).toBe(1);
    expect(online.datasets.fromCache()).toBe(false);
    online.dispose();

    // Reload with no network.
    const offline = start(cache, async () => {
      throw makeNetworkError();
    });
    await expect.poll(() => offline.datasets.datasets().length).toBe(1);
    expect(offline.datasets.fromCache()).toBe(true);
    expect(offline.datasets.loading()).toBe(false);
    expect(offline.datasets.error()).toMatch(/Cannot reach/);
    expect(offline.datasets.facts()).toEqual({
      d1: { columns: [{ name: 'tip', dtype: 'float64', missing: 0 }] },
    });
    // Another person on this browser starts empty.
    const bob = createRoot((dispose) => ({
      datasets: createPipelineDatasets({
        api: { forPipeline: async () => Promise.reject(makeNetworkError()) },
        pipelineId: 'p1',
        subscribe: noSubscribe,
        cache: { store: cache, userId: 'u2' },
      }),
      dispose,
    }));
    await tick();
    await tick();
    expect(bob.datasets.datasets()).toEqual([]);
    bob.dispose();
    offline.dispose();
  });

  it('the server has the last word: its answer replaces the copy, and a late copy never overwrites it', async () => {
    const memory = memoryStorage();
    const cache = makeDatasetCache(memory.storage);
    await cache.write('u1', 'p1', [record('d1', 'tips')]);

    // The copy shows first, then the answer (another dataset now) replaces it and is stored.
    let answer!: (list: DatasetRecord[]) => void;
    const revalidated = start(cache, () => new Promise((resolve) => (answer = resolve)));
    await expect.poll(() => revalidated.datasets.datasets().map((d) => d.id)).toEqual(['d1']);
    expect(revalidated.datasets.fromCache()).toBe(true);
    answer([record('d2', 'penguins', 'species')]);
    await expect.poll(() => revalidated.datasets.datasets().map((d) => d.id)).toEqual(['d2']);
    expect(revalidated.datasets.fromCache()).toBe(false);
    await expect.poll(async () => (await cache.read('u1', 'p1'))?.map((d) => d.id)).toEqual(['d2']);
    // A put (an upload attached here) is written through too.
    revalidated.datasets.put(record('d3', 'iris'));
    await expect.poll(async () => (await cache.read('u1', 'p1'))?.map((d) => d.id)).toEqual(['d2', 'd3']);
    revalidated.dispose();

    // The server answers before the disk: the older copy must not replace the answer.
    let release!: () => void;
    const slowDisk: DatasetCache = {
      ...cache,
      read: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return [record('d9', 'stale')];
      },
    };
    const fast = start(slowDisk, async () => [record('d2', 'penguins')]);
    await expect.poll(() => fast.datasets.datasets().map((d) => d.id)).toEqual(['d2']);
    release();
    await tick();
    expect(fast.datasets.datasets().map((d) => d.id)).toEqual(['d2']);
    expect(fast.datasets.fromCache()).toBe(false);
    fast.dispose();
  });

  it('forgets the copy when the server refuses the pipeline, keeps it when only the network is gone', async () => {
    const memory = memoryStorage();
    const cache = makeDatasetCache(memory.storage);
    await cache.write('u1', 'p1', [record('d1', 'tips')]);
    const offline = start(cache, async () => {
      throw makeNetworkError();
    });
    await expect.poll(() => offline.datasets.datasets().length).toBe(1);
    offline.dispose();
    expect(await cache.read('u1', 'p1')).not.toBeNull();

    const refused = start(cache, async () => {
      throw new ApiRequestError(404, 'not_found', 'Pipeline not found');
    });
    await expect.poll(async () => cache.read('u1', 'p1')).toBeNull();
    refused.dispose();
  });
});

describe('logout', () => {
  const ALICE: User = {
    id: 'u1',
    username: 'alice',
    email: 'a@example.test',
    createdAt: '2026-01-01T00:00:00Z',
  };
  const auth: AuthApi = {
    me: async () => ALICE,
    login: async () => ALICE,
    register: async () => ALICE,
    logout: async () => {},
  };

  it("deletes the person's cached datasets on logout, not when the session merely expires", async () => {
    const memory = memoryStorage();
    const cache = makeDatasetCache(memory.storage);
    await cache.write('u1', 'p1', [record('d1', 'tips')]);
    await cache.write('u2', 'p1', [record('d2', 'penguins')]);
    const forgotten: string[] = [];
    const { session, dispose } = createRoot((dispose) => ({
      session: createSession(auth, {
        forgetLocalData: async (userId) => {
          forgotten.push(userId);
          await cache.forgetUser(userId);
        },
      }),
      dispose,
    }));
    await expect.poll(() => session.user()?.id).toBe('u1');

    session.signedOut(); // an expired session: the person logs in again and carries on
    expect(forgotten).toEqual([]);
    session.signedIn(ALICE);

    await session.logout();
    expect(forgotten).toEqual(['u1']);
    expect(session.user()).toBeNull();
    expect(await cache.read('u1', 'p1')).toBeNull();
    expect(await cache.read('u2', 'p1')).not.toBeNull();
    dispose();
  });

  it('logs out even when the local data cannot be deleted', async () => {
    const { session, dispose } = createRoot((dispose) => ({
      session: createSession(auth, {
        forgetLocalData: async () => {
          throw new Error('IndexedDB is broken');
        },
      }),
      dispose,
    }));
    await expect.poll(() => session.user()?.id).toBe('u1');
    await expect(session.logout()).resolves.toBeUndefined();
    expect(session.user()).toBeNull();
    dispose();
  });
});
