/**
 * One version in the timeline: number, name, author, time, labels, active badge, review state,
 * comment count, and its actions. `extra` is a slot for other features (e.g. metric deltas).
 */
import { type JSX, Show } from 'solid-js';
import type { VersionLabel, VersionSummary } from '../../../shared/api/types.ts';
import { RelativeTime } from '../dashboard/RelativeTime.tsx';
import { CircleCheck, Eye, GitCompare, MessageSquare, RotateCcw, Trash } from './icons.ts';
import { reviewText } from './review-state.ts';
import { VersionLabels } from './VersionLabels.tsx';

export interface VersionItemProps {
  version: VersionSummary;
  now: Date;
  canEdit: boolean;
  /** Shown on the canvas right now (open or the newer side of a comparison). */
  viewing: boolean;
  onOpen: () => void;
  onCompareWithDraft: () => void;
  onActivate: () => void;
  onRestore: () => void;
  onDelete: () => void;
  onAddLabel: (label: VersionLabel) => Promise<void>;
  onRemoveLabel: (name: string) => void;
  /** Rendered at the bottom of the item, for features that annotate versions (runs' metric deltas). */
  extra?: (version: VersionSummary) => JSX.Element;
}

export function VersionItem(props: VersionItemProps) {
  const v = () => props.version;
  const review = () => reviewText(v().review);
  return (
    <li
      class="version-item"
      classList={{ 'version-item--viewing': props.viewing }}
      data-testid="version-item"
      aria-current={props.viewing ? 'true' : undefined}
    >
      <div class="version-item__head">
        <span class="version-item__number">v{v().number}</span>
        <span class="version-item__name">{v().name}</span>
        <Show when={v().tag}>{(tag) => <span class="chip">{tag()}</span>}</Show>
        <Show when={v().isActive}>
          <span class="chip chip--active" title="The pipeline's active version">
            <CircleCheck size={12} aria-hidden="true" /> Active
          </span>
        </Show>
      </div>
      <div class="version-item__meta">
        <span>{v().createdBy?.username ?? 'Deleted account'}</span>
        <span aria-hidden="true">·</span>
        <RelativeTime iso={v().createdAt} now={props.now} />
        <Show when={v().comments.total > 0}>
          <span aria-hidden="true">·</span>
          <span
            class="version-item__comments"
            title={`${v().comments.openThreads} open ${v().comments.openThreads === 1 ? 'thread' : 'threads'}`}
          >
            <MessageSquare size={12} aria-hidden="true" />
            <span class="visually-hidden">Comments:</span> {v().comments.total}
          </span>
        </Show>
        <Show when={review()}>
          {(text) => <span class={`chip chip--review chip--review-${v().review.state}`}>{text()}</span>}
        </Show>
      </div>
      <Show when={v().description}>
        <p class="version-item__description">{v().description}</p>
      </Show>
      <VersionLabels
        labels={v().labels}
        canEdit={props.canEdit}
        onAdd={props.onAddLabel}
        onRemove={props.onRemoveLabel}
      />
      <fieldset class="version-item__actions">
        <legend class="visually-hidden">Actions for v{v().number}</legend>
        <button type="button" class="button button--ghost button--small" onClick={() => props.onOpen()}>
          <Eye size={14} aria-hidden="true" /> Open
        </button>
        <button
          type="button"
          class="button button--ghost button--small"
          aria-label={`Compare v${v().number} with the draft`}
          onClick={() => props.onCompareWithDraft()}
        >
          <GitCompare size={14} aria-hidden="true" /> Compare
        </button>
        <Show when={props.canEdit}>
          <Show when={!v().isActive}>
            <button
              type="button"
              class="button button--ghost button--small"
              onClick={() => props.onActivate()}
            >
              Activate
            </button>
          </Show>
          <button
            type="button"
            class="icon-button icon-button--small"
            aria-label={`Restore v${v().number}`}
            title="Restore into the draft"
            onClick={() => props.onRestore()}
          >
            <RotateCcw size={14} aria-hidden="true" />
          </button>
          <Show when={!v().isActive}>
            <button
              type="button"
              class="icon-button icon-button--small icon-button--danger"
              aria-label={`Delete v${v().number}`}
              title="Delete"
              onClick={() => props.onDelete()}
            >
              <Trash size={14} aria-hidden="true" />
            </button>
          </Show>
        </Show>
      </fieldset>
      {props.extra?.(v())}
    </li>
  );
}
