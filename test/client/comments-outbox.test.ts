/** The comment outbox: kept per person and version, posted on reconnect, dropped when refused. */
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError, makeNetworkError } from '../../client/src/api/errors.ts';
import { createComments } from '../../client/src/comments/create-comments.ts';
import { makeOutbox, makeOutboxKey } from '../../client/src/comments/outbox.ts';
import type { VersionsApi } from '../../client/src/versions/versions-api.ts';
import type { CommentCreateRequest } from '../../shared/api/schemas.ts';
import type { CommentList, VersionComment } from '../../shared/api/types.ts';

const VERSION = '00000000-0000-4000-8000-000000000001';

function comment(id: string, body: string): VersionComment {
  return {
    id,
    versionId: VERSION,
    nodeId: null,
    param: null,
    parentId: null,
    author: { id: 'u1', username: 'ada' },
    body,
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    editedAt: null,
    deleted: false,
    outdated: false,
  };
}

/** A server that answers from memory, or fails like a dropped network while `down` is true. */
function fakeApi() {
  const stored: VersionComment[] = [];
  const state = { down: false, refuse: false };
  const api = {
    comments: vi.fn(async (): Promise<CommentList> => {
      if (state.down) throw makeNetworkError();
      return { versionId: VERSION, relativeTo: null, comments: [...stored] };
    }),
    addComment: vi.fn(async (_id: string, request: CommentCreateRequest) => {
      if (state.down) throw makeNetworkError();
      if (state.refuse) throw new ApiRequestError(403, 'forbidden', 'Commenters only');
      const created = comment(`c${stored.length + 1}`, request.body);
      stored.push(created);
      return created;
    }),
  } as Partial<VersionsApi> as VersionsApi;
  return { api, stored, state };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('makeOutbox', () => {
  it('keeps entries per person and version, across instances', () => {
    const key = makeOutboxKey('u1', VERSION);
    makeOutbox(localStorage, key).add({ body: 'first' });
    const again = makeOutbox(localStorage, key);
    expect(again.entries().map((e) => e.request.body)).toEqual(['first']);
    expect(makeOutbox(localStorage, makeOutboxKey('u2', VERSION)).entries()).toEqual([]);
    again.remove(again.entries()[0]!.localId);
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('ignores a corrupted stored value', () => {
    localStorage.setItem('k', '{not json');
    expect(makeOutbox(localStorage, 'k').entries()).toEqual([]);
    localStorage.setItem('k', JSON.stringify([{ localId: 1 }]));
    expect(makeOutbox(localStorage, 'k').entries()).toEqual([]);
  });
});

describe('createComments', () => {
  it('holds comments written offline as pending and posts them when back online', async () => {
    const { api, stored } = fakeApi();
    const [online, setOnline] = createSignal(false);
    const errors: string[] = [];
    const comments = createRoot(() =>
      createComments({
        api,
        versionId: VERSION,
        userId: 'u1',
        storage: localStorage,
        online,
        subscribe: () => () => {},
        onError: (message) => errors.push(message),
      }),
    );
    await comments.post({ body: 'written on a train' });
    expect(comments.pending().map((e) => e.request.body)).toEqual(['written on a train']);
    expect(api.addComment).not.toHaveBeenCalled();
    // Survives a reload: the stored outbox has it.
    expect(makeOutbox(localStorage, makeOutboxKey('u1', VERSION)).entries()).toHaveLength(1);

    setOnline(true);
    await vi.waitFor(() => expect(stored.map((c) => c.body)).toEqual(['written on a train']));
    await vi.waitFor(() => expect(comments.comments().map((c) => c.body)).toEqual(['written on a train']));
    expect(comments.pending()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps a comment whose request hit a network failure, and drops one the server refused', async () => {
    const { api, state } = fakeApi();
    const errors: string[] = [];
    const comments = createRoot(() =>
      createComments({
        api,
        versionId: VERSION,
        userId: 'u1',
        storage: localStorage,
        online: () => true,
        subscribe: () => () => {},
        onError: (message) => errors.push(message),
      }),
    );
    state.down = true;
    await comments.post({ body: 'lost in transit' });
    expect(comments.pending()).toHaveLength(1);

    state.down = false;
    state.refuse = true;
    await comments.post({ body: 'second' });
    await flush();
    expect(comments.pending()).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('Commenters only');
  });

  it('refetches on a notification about its version only', async () => {
    const { api } = fakeApi();
    let deliver: (payload: string) => void = () => {};
    createRoot(() =>
      createComments({
        api,
        versionId: VERSION,
        userId: 'u1',
        storage: localStorage,
        online: () => false,
        subscribe: (listener) => {
          deliver = listener;
          return () => {};
        },
        onError: () => {},
      }),
    );
    await flush();
    expect(api.comments).toHaveBeenCalledTimes(1);
    const other = {
      type: 'dominoml/record',
      kind: 'comment',
      action: 'created',
      id: 'x',
      versionId: 'other',
    };
    deliver(JSON.stringify(other));
    deliver(JSON.stringify({ ...other, versionId: VERSION }));
    await flush();
    expect(api.comments).toHaveBeenCalledTimes(2);
  });
});
