/**
 * The comments of one version: the server's list (refetched on record notifications about this
 * version, never polled) plus this person's outbox of comments not yet posted. Posting always
 * goes through the outbox, so a comment written offline, or whose request fails on the way, is
 * kept and sent again when the connection is back.
 */
import { type Accessor, createEffect, createSignal, on } from 'solid-js';
import type { CommentCreateRequest, CommentPatchRequest } from '../../../shared/api/schemas.ts';
import type { VersionComment } from '../../../shared/api/types.ts';
import { ApiRequestError } from '../api/errors.ts';
import { createRecordListener, type StatelessSubscribe } from '../versions/create-record-listener.ts';
import type { VersionsApi } from '../versions/versions-api.ts';
import { makeOutbox, makeOutboxKey, type OutboxEntry } from './outbox.ts';

export interface CommentsOptions {
  api: VersionsApi;
  versionId: string;
  userId: string;
  storage: Storage | undefined;
  /** Whether the server is reachable (the document's sync is online): the outbox waits for it. */
  online: Accessor<boolean>;
  subscribe: StatelessSubscribe;
  /** A failure the person should see (a toast). */
  onError: (message: string) => void;
}

export interface Comments {
  comments: Accessor<readonly VersionComment[]>;
  /** Written here, not yet accepted by the server. */
  pending: Accessor<readonly OutboxEntry[]>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  post(request: CommentCreateRequest): Promise<void>;
  patch(commentId: string, patch: CommentPatchRequest): Promise<void>;
  remove(commentId: string): Promise<void>;
  refetch(): Promise<void>;
}

const messageOf = (error: unknown, fallback: string) =>
  error instanceof ApiRequestError ? error.message : fallback;

export function createComments(options: CommentsOptions): Comments {
  const { api, versionId } = options;
  const outbox = makeOutbox(options.storage, makeOutboxKey(options.userId, versionId));
  const [comments, setComments] = createSignal<readonly VersionComment[]>([]);
  const [pending, setPending] = createSignal<readonly OutboxEntry[]>(outbox.entries());
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);
  let generation = 0;
  let flushing = false;

  const refetch = async () => {
    const mine = ++generation;
    try {
      const list = await api.comments(versionId);
      if (mine !== generation) return;
      setComments(list.comments);
      setError(null);
    } catch (caught) {
      if (mine === generation) setError(messageOf(caught, 'Could not load the comments.'));
    } finally {
      if (mine === generation) setLoading(false);
    }
  };

  /** Posts what waits, oldest first; stops at the first network failure (the rest would fail too). */
  const flush = async () => {
    if (flushing || !options.online()) return;
    flushing = true;
    try {
      for (const entry of outbox.entries()) {
        try {
          await api.addComment(versionId, entry.request);
        } catch (caught) {
          if (caught instanceof ApiRequestError && caught.code === 'network_error') break;
          // Refused for good (deleted version, lost role, invalid): keeping it would retry forever.
          options.onError(`A comment could not be posted: ${messageOf(caught, 'unknown error')}`);
        }
        outbox.remove(entry.localId);
        setPending(outbox.entries());
      }
    } finally {
      flushing = false;
      setPending(outbox.entries());
    }
    await refetch();
  };

  createRecordListener(options.subscribe, (notification) => {
    if (notification.kind === 'comment' && notification.versionId === versionId) void refetch();
  });
  createEffect(
    on(options.online, (online) => {
      if (online) void flush();
    }),
  );
  void refetch();

  const run = async (action: () => Promise<unknown>, failure: string) => {
    try {
      await action();
      await refetch();
    } catch (caught) {
      options.onError(messageOf(caught, failure));
    }
  };

  return {
    comments,
    pending,
    loading,
    error,
    refetch,
    async post(request) {
      outbox.add(request);
      setPending(outbox.entries());
      await flush();
    },
    patch: (commentId, patch) =>
      run(() => api.patchComment(commentId, patch), 'Could not change the comment.'),
    remove: (commentId) => run(() => api.removeComment(commentId), 'Could not delete the comment.'),
  };
}
