/** One pipeline in the dashboard table: name (link or rename input), tags, role, updated, actions. */
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { Pencil, Trash } from '../components/icons.ts';
import { InlineRename } from './InlineRename.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import { TagList } from './TagList.tsx';

export interface PipelineRowProps {
  pipeline: PipelineSummary;
  now: Date;
  activeTag: string | undefined;
  onTag: (tag: string) => void;
  onRename: (pipeline: PipelineSummary, name: string) => Promise<void>;
  onDelete: (pipeline: PipelineSummary) => void;
}

const canRename = (pipeline: PipelineSummary) => pipeline.role === 'owner' || pipeline.role === 'editor';
const canDelete = (pipeline: PipelineSummary) => pipeline.role === 'owner';

export function PipelineRow(props: PipelineRowProps) {
  const [editing, setEditing] = createSignal(false);
  let renameButton: HTMLButtonElement | undefined;
  const stopEditing = () => {
    setEditing(false);
    renameButton?.focus();
  };

  return (
    <tr class="pipeline-row">
      <td class="pipeline-row__name">
        <Show
          when={editing()}
          fallback={
            <>
              <A href={`/p/${props.pipeline.id}`} class="pipeline-row__link">
                {props.pipeline.name}
              </A>
              <Show when={props.pipeline.description}>
                <p class="pipeline-row__description">{props.pipeline.description}</p>
              </Show>
            </>
          }
        >
          <InlineRename
            name={props.pipeline.name}
            onSave={async (name) => {
              await props.onRename(props.pipeline, name);
              stopEditing();
            }}
            onCancel={stopEditing}
          />
        </Show>
      </td>
      <td>
        <TagList tags={props.pipeline.tags} activeTag={props.activeTag} onSelect={props.onTag} />
      </td>
      <td>
        <RoleBadge role={props.pipeline.role} />
        <Show when={props.pipeline.role !== 'owner'}>
          <span class="pipeline-row__owner">by {props.pipeline.ownerUsername}</span>
        </Show>
      </td>
      <td class="pipeline-row__time">
        <RelativeTime iso={props.pipeline.updatedAt} now={props.now} />
      </td>
      <td class="pipeline-row__actions">
        <Show when={canRename(props.pipeline)}>
          <button
            ref={renameButton}
            type="button"
            class="icon-button"
            aria-label={`Rename ${props.pipeline.name}`}
            title="Rename"
            disabled={editing()}
            onClick={() => setEditing(true)}
          >
            <Pencil size={16} aria-hidden="true" />
          </button>
        </Show>
        <Show when={canDelete(props.pipeline)}>
          <button
            type="button"
            class="icon-button icon-button--danger"
            aria-label={`Delete ${props.pipeline.name}`}
            title="Delete"
            onClick={() => props.onDelete(props.pipeline)}
          >
            <Trash size={16} aria-hidden="true" />
          </button>
        </Show>
      </td>
    </tr>
  );
}
