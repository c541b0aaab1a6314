/**
 * The builder's top bar (UI.md): name, sync status, who is here, role badge when read-only,
 * undo/redo, Share. Purely presentational: the builder passes state and callbacks in.
 */

import { type JSX, Show } from 'solid-js';
import type { MemberRole } from '../../../shared/api/schemas.ts';
import type { Collaborator } from '../sync/create-presence.ts';
import type { SyncStatus } from '../sync/sync-state.ts';
import { Eye, MessageSquare, Share2, Users } from './icons.ts';
import { PipelineNameField } from './PipelineNameField.tsx';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { readOnlyBadge } from './roles.ts';
import { SyncStatusPill } from './SyncStatusPill.tsx';
import { UndoRedoButtons } from './UndoRedoButtons.tsx';

export interface BuilderTopBarProps {
  name: string;
  role: MemberRole;
  readOnly: boolean;
  onRename: (name: string) => void;
  status: SyncStatus;
  unsyncedChanges: number;
  onLogin: () => void;
  collaborators: readonly Collaborator[];
  followingClientId: number | null;
  onFollow: (clientId: number | null) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onShare: () => void;
  /** Feature controls placed before Share (the Run control). */
  actions?: JSX.Element;
}

export function BuilderTopBar(props: BuilderTopBarProps) {
  const badge = () => readOnlyBadge(props.role);
  const isOwner = () => props.role === 'owner';

  return (
    <header class="builder-bar">
      <div class="builder-bar__start">
        <PipelineNameField name={props.name} readOnly={props.readOnly} onRename={props.onRename} />
        <Show when={badge()}>
          {(text) => (
            <span
              class="badge badge--readonly"
              data-testid="role-badge"
              title="You can look but not change this pipeline"
            >
              <Show when={props.role === 'commenter'} fallback={<Eye size={12} aria-hidden="true" />}>
                <MessageSquare size={12} aria-hidden="true" />
              </Show>
              {text()}
            </span>
          )}
        </Show>
        <SyncStatusPill
          status={props.status}
          unsyncedChanges={props.unsyncedChanges}
          onLogin={props.onLogin}
        />
      </div>
      <div class="builder-bar__end">
        <PresenceAvatars
          collaborators={props.collaborators}
          followingClientId={props.followingClientId}
          onFollow={props.onFollow}
        />
        <Show when={!props.readOnly}>
          <UndoRedoButtons
            canUndo={props.canUndo}
            canRedo={props.canRedo}
            onUndo={props.onUndo}
            onRedo={props.onRedo}
          />
        </Show>
        {props.actions}
        <Show
          when={isOwner()}
          fallback={
            <button
              type="button"
              class="icon-button"
              aria-label="People with access"
              title="People with access"
              onClick={() => props.onShare()}
            >
              <Users size={16} aria-hidden="true" />
            </button>
          }
        >
          <button type="button" class="button button--primary button--small" onClick={() => props.onShare()}>
            <Share2 size={14} aria-hidden="true" />
            <span>Share</span>
          </button>
        </Show>
      </div>
    </header>
  );
}
