/**
 * createRunList refetches on the pipeline's `run` record notifications — not on awareness, not on
 * other records — and when the connection comes back; an answer a newer request replaced is
 * dropped.
 */
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createRunList } from '../../client/src/runs/create-run-list.ts';
import { type RecordNotification, recordNotification } from '../../shared/api/notifications.ts';
import type { RunSummary } from '../../shared/api/runs.ts';
import type { Page } from '../../shared/api/types.ts';

type RunPage = Page<RunSummary>;

/** A stateless channel the test sends on. */
function fakeChannel() {
  const listeners = new Set<(payload: string) => void>();
  return {
    subscribe(listener: (payload: string) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(notification: RecordNotification | string) {
      const payload = typeof notification === 'string' ? notification : JSON.stringify(notification);
      for (const listener of listeners) listener(payload);
    },
    get listeners() {
      return listeners.size;
    },
  };
}

/** A runs API whose answers the test releases one by one. */
function fakeApi() {
  const pending: { resolve(page: RunPage): void; signal: AbortSignal | undefined }[] = [];
  return {
    pending,
    list(_pipelineId: string, signal?: AbortSignal): Promise<RunPage> {
      return new Promise((resolve) => pending.push({ resolve, signal }));
    },
  };
}

const summary = (id: string): RunSummary => ({ id }) as RunSummary;
const page = (...ids: string[]): RunPage => ({
  items: ids.map(summary),
  total: ids.length,
  limit: 50,
  offset: 0,
});

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('createRunList', () => {
  it('fetches once, then again on each run notification only', async () => {
    const api = fakeApi();
    const channel = fakeChannel();
    const { list, dispose } = createRoot((dispose) => ({
      list: createRunList(api, 'p1', { subscribe: channel.subscribe }),
      dispose,
    }));
    expect(api.pending).toHaveLength(1);
    expect(list.loading()).toBe(true);
    api.pending[0]!.resolve(page('r1'));
    await settle();
    expect(list.runs().map((run) => run.id)).toEqual(['r1']);
    expect(list.loading()).toBe(false);

    channel.send(recordNotification({ kind: 'version', action: 'created', id: 'v2' }));
    channel.send(recordNotification({ kind: 'comment', action: 'created', id: 'c1', versionId: 'v1' }));
    channel.send('not a record');
    expect(api.pending).toHaveLength(1);

    for (const action of ['created', 'started', 'finished', 'cancel_requested'] as const) {
      channel.send(recordNotification({ kind: 'run', action, id: 'r2', versionId: 'v1' }));
    }
    expect(api.pending).toHaveLength(5);
    // Each replaced the one before it; only the newest answer counts.
    expect(api.pending.slice(1, 4).every((request) => request.signal?.aborted)).toBe(true);
    api.pending[4]!.resolve(page('r2', 'r1'));
    api.pending[2]!.resolve(page('stale'));
    await settle();
    expect(list.runs().map((run) => run.id)).toEqual(['r2', 'r1']);

    dispose();
    expect(channel.listeners).toBe(0);
  });

  it('refetches when the connection comes back, not when it goes', async () => {
    const api = fakeApi();
    const channel = fakeChannel();
    const [online, setOnline] = createSignal(true);
    const dispose = createRoot((dispose) => {
      createRunList(api, 'p1', { subscribe: channel.subscribe, online });
      return dispose;
    });
    await settle();
    expect(api.pending).toHaveLength(1);
    setOnline(false);
    await settle();
    expect(api.pending).toHaveLength(1);
    setOnline(true);
    await settle();
    expect(api.pending).toHaveLength(2);
    dispose();
  });
});
