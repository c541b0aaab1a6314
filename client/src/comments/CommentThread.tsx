/**
 * A thread: its root, replies, reply box, resolve/reopen. Threads pinned to a node name it (a
 * button that shows the node), and say "outdated" when a later version changed that node.
 */
import { createSignal, For, Show } from 'solid-js';
import type { VersionComment } from '../../../shared/api/types.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentItem } from './CommentItem.tsx';
import { Check, MapPin, Reply, RotateCcw } from './icons.ts';
import type { CommentThreadData } from './threads.ts';

export interface CommentThreadProps {
  thread: CommentThreadData;
  now: Date;
  userId: string;
  isOwner: boolean;
  /** Commenters and up may reply and resolve. */
  canComment: boolean;
  nodeLabel: (nodeId: string) => string;
  onRevealNode: (nodeId: string) => void;
  onReply: (body: string) => Promise<void>;
  onPatch: (comment: VersionComment, patch: { body?: string; resolved?: boolean }) => Promise<void>;
  onDelete: (comment: VersionComment) => void;
}

export function CommentThread(props: CommentThreadProps) {
  const [replying, setReplying] = createSignal(false);
  const root = () => props.thread.root;
  const item = (comment: VersionComment) => (
    <CommentItem
      comment={comment}
      now={props.now}
      canEdit={props.canComment && comment.author?.id === props.userId}
      canDelete={props.canComment && (comment.author?.id === props.userId || props.isOwner)}
      onEdit={(body) => props.onPatch(comment, { body })}
      onDelete={() => props.onDelete(comment)}
    />
  );
  return (
    <section
      class="comment-thread"
      classList={{ 'comment-thread--resolved': root().resolved }}
      aria-label={`Thread by ${root().author?.username ?? 'a deleted account'}`}
      data-testid="comment-thread"
    >
      <div class="comment-thread__tags">
        <Show when={root().nodeId}>
          {(nodeId) => (
            <button
              type="button"
              class="chip chip--pin"
              title="Show this node on the canvas"
              onClick={() => props.onRevealNode(nodeId())}
            >
              <MapPin size={12} aria-hidden="true" />
              {props.nodeLabel(nodeId())}
              <Show when={root().param}>{(param) => <span>· {param()}</span>}</Show>
            </button>
          )}
        </Show>
        <Show when={root().outdated}>
          <span class="chip chip--outdated" title="A later version changed or removed this node">
            Outdated
          </span>
        </Show>
        <Show when={root().resolved}>
          <span class="chip chip--resolved">Resolved</span>
        </Show>
      </div>
      {item(root())}
      <div class="comment-thread__replies">
        <For each={props.thread.replies}>{(reply) => item(reply)}</For>
      </div>
      <Show when={props.canComment}>
        <div class="comment-thread__footer">
          <Show
            when={replying()}
            fallback={
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => setReplying(true)}
              >
                <Reply size={14} aria-hidden="true" />
                Reply
              </button>
            }
          >
            <CommentComposer
              label="Reply"
              submitLabel="Reply"
              placeholder="Reply (Markdown)"
              autofocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body) => {
                await props.onReply(body);
                setReplying(false);
              }}
            />
          </Show>
          <Show when={!root().deleted}>
            <button
              type="button"
              class="button button--ghost button--small"
              onClick={() => void props.onPatch(root(), { resolved: !root().resolved })}
            >
              <Show when={root().resolved} fallback={<Check size={14} aria-hidden="true" />}>
                <RotateCcw size={14} aria-hidden="true" />
              </Show>
              {root().resolved ? 'Reopen' : 'Resolve'}
            </button>
          </Show>
        </div>
      </Show>
    </section>
  );
}
