/**
 * The Comments tab: threads of the version being viewed. The draft has none (it keeps changing),
 * so there the tab says so and offers to save a version. Commenters and up write; viewers read.
 */
import { createMemo, For, Show } from 'solid-js';
import type { VersionComment } from '../../../shared/api/types.ts';
import { createNow } from '../lib/now.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentThread } from './CommentThread.tsx';
import type { Comments } from './create-comments.ts';
import { Clock, MapPin, MessageSquare } from './icons.ts';
import { Markdown } from './Markdown.tsx';
import { groupThreads } from './threads.ts';

export interface CommentsPanelProps {
  /** "v3 · Baseline"; null while the draft is shown. */
  versionTitle: string | null;
  comments: Comments | null;
  userId: string;
  isOwner: boolean;
  canComment: boolean;
  canSaveVersion: boolean;
  onSaveVersion: () => void;
  selectedNodeId: string | null;
  nodeLabel: (nodeId: string) => string;
  onRevealNode: (nodeId: string) => void;
}

export function CommentsPanel(props: CommentsPanelProps) {
  const now = createNow();
  return (
    <Show
      when={props.comments && props.versionTitle}
      fallback={
        <div class="panel-empty">
          <MessageSquare size={20} aria-hidden="true" />
          <p class="panel-empty__title">The draft has no comments</p>
          <p>Comments belong to a saved version, so they keep pointing at what the reviewer saw.</p>
          <Show
            when={props.canSaveVersion}
            fallback={<p>Open a version from the Versions tab to read and write its comments.</p>}
          >
            <button
              type="button"
              class="button button--primary button--small"
              onClick={() => props.onSaveVersion()}
            >
              Save a version
            </button>
          </Show>
        </div>
      }
    >
      <VersionCommentList
        {...props}
        comments={props.comments!}
        versionTitle={props.versionTitle!}
        now={now()}
      />
    </Show>
  );
}

function VersionCommentList(
  props: Omit<CommentsPanelProps, 'comments' | 'versionTitle'> & {
    comments: Comments;
    versionTitle: string;
    now: Date;
  },
) {
  const threads = createMemo(() => groupThreads(props.comments.comments()));
  const pendingRoots = () => props.comments.pending().filter((entry) => entry.request.parentId === undefined);
  const pendingReplies = (rootId: string) =>
    props.comments.pending().filter((entry) => entry.request.parentId === rootId);
  const patch = (comment: VersionComment, change: { body?: string; resolved?: boolean }) =>
    props.comments.patch(comment.id, change);

  return (
    <div class="comments-panel">
      <h2 class="panel-heading">Comments on {props.versionTitle}</h2>
      <Show when={props.canComment}>
        <div class="comments-panel__new">
          <Show when={props.selectedNodeId}>
            {(nodeId) => (
              <p class="comments-panel__anchor">
                <MapPin size={12} aria-hidden="true" /> On node “{props.nodeLabel(nodeId())}”
              </p>
            )}
          </Show>
          <CommentComposer
            label={props.selectedNodeId ? 'Comment on node' : 'Comment on this version'}
            submitLabel={props.selectedNodeId ? 'Comment on node' : 'Comment'}
            onSubmit={(body) =>
              props.comments.post(props.selectedNodeId ? { body, nodeId: props.selectedNodeId } : { body })
            }
          />
          <Show when={!props.selectedNodeId}>
            <p class="field__hint">Select a node on the canvas to pin your comment to it.</p>
          </Show>
        </div>
      </Show>
      <Show when={props.comments.error()}>
        {(message) => (
          <p class="form-alert" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <For each={pendingRoots()}>
        {(entry) => (
          <section class="comment-thread comment-thread--pending" aria-label="Comment waiting to be posted">
            <span class="chip chip--pending">
              <Clock size={12} aria-hidden="true" /> Pending — posts when you are back online
            </span>
            <Markdown source={entry.request.body} />
          </section>
        )}
      </For>
      <Show
        when={threads().length > 0 || pendingRoots().length > 0}
        fallback={
          <Show when={!props.comments.loading()}>
            <p class="panel-empty__text">No comments on this version yet.</p>
          </Show>
        }
      >
        <For each={[...threads()].reverse()}>
          {(thread) => (
            <>
              <CommentThread
                thread={thread}
                now={props.now}
                userId={props.userId}
                isOwner={props.isOwner}
                canComment={props.canComment}
                nodeLabel={props.nodeLabel}
                onRevealNode={props.onRevealNode}
                onReply={(body) => props.comments.post({ body, parentId: thread.root.id })}
                onPatch={patch}
                onDelete={(comment) => void props.comments.remove(comment.id)}
              />
              <For each={pendingReplies(thread.root.id)}>
                {(entry) => (
                  <article class="comment comment--pending" aria-label="Reply waiting to be posted">
                    <span class="chip chip--pending">
                      <Clock size={12} aria-hidden="true" /> Pending
                    </span>
                    <Markdown source={entry.request.body} />
                  </article>
                )}
              </For>
            </>
          )}
        </For>
      </Show>
    </div>
  );
}
