/** One comment: author, time, body (sanitized Markdown), and edit/delete for its author. */
import { createSignal, Show } from 'solid-js';
import type { VersionComment } from '../../../shared/api/types.ts';
import { RelativeTime } from '../dashboard/RelativeTime.tsx';
import { CommentComposer } from './CommentComposer.tsx';
import { Pencil, Trash } from './icons.ts';
import { Markdown } from './Markdown.tsx';

export interface CommentItemProps {
  comment: VersionComment;
  now: Date;
  canEdit: boolean;
  canDelete: boolean;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => void;
}

export function CommentItem(props: CommentItemProps) {
  const [editing, setEditing] = createSignal(false);
  const author = () => props.comment.author?.username ?? 'Deleted account';
  return (
    <article class="comment" aria-label={`Comment by ${author()}`} data-testid="comment">
      <header class="comment__header">
        <span class="comment__author">{author()}</span>
        <RelativeTime iso={props.comment.createdAt} now={props.now} />
        <Show when={props.comment.editedAt}>
          <span class="comment__meta">(edited)</span>
        </Show>
        <span class="comment__actions">
          <Show when={props.canEdit && !props.comment.deleted}>
            <button
              type="button"
              class="icon-button icon-button--small"
              aria-label="Edit comment"
              title="Edit"
              onClick={() => setEditing(true)}
            >
              <Pencil size={14} aria-hidden="true" />
            </button>
          </Show>
          <Show when={props.canDelete && !props.comment.deleted}>
            <button
              type="button"
              class="icon-button icon-button--small icon-button--danger"
              aria-label="Delete comment"
              title="Delete"
              onClick={() => props.onDelete()}
            >
              <Trash size={14} aria-hidden="true" />
            </button>
          </Show>
        </span>
      </header>
      <Show when={!props.comment.deleted} fallback={<p class="comment__meta">This comment was deleted.</p>}>
        <Show when={editing()} fallback={<Markdown source={props.comment.body} />}>
          <CommentComposer
            label="Edit comment"
            submitLabel="Save"
            initial={props.comment.body}
            autofocus
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await props.onEdit(body);
              setEditing(false);
            }}
          />
        </Show>
      </Show>
    </article>
  );
}
