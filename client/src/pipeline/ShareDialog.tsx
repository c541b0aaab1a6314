/**
 * Who has access to this pipeline. Owners invite by username, change roles and remove people;
 * everyone else sees the list. Every change shows its result (or its error) where it was made.
 */
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { Member } from '../../../shared/api/types.ts';
import { describeError } from '../api/errors.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { InviteMemberForm } from './InviteMemberForm.tsx';
import { MemberRow } from './MemberRow.tsx';
import type { MembersApi } from './members-api.ts';
import { ROLES } from './roles.ts';

export interface ShareDialogProps {
  open: boolean;
  onClose: () => void;
  pipelineId: string;
  pipelineName: string;
  currentUserId: string;
  canManage: boolean;
  members: MembersApi;
  /** The person changed their own role or left: the page must re-check what they may do. */
  onOwnMembershipChanged: () => void;
}

/** Owners first, then by role, then by name: the people who can change things are on top. */
function sortMembers(list: readonly Member[]): Member[] {
  return [...list].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.username.localeCompare(b.username),
  );
}

function MemberList(props: Omit<ShareDialogProps, 'open' | 'onClose' | 'pipelineName'>) {
  const [list, { mutate, refetch }] = createResource(async () =>
    sortMembers(await props.members.list(props.pipelineId)),
  );

  const replace = (member: Member) =>
    mutate((current) => sortMembers([...(current ?? []).filter((m) => m.userId !== member.userId), member]));

  return (
    <>
      <Show when={props.canManage}>
        <InviteMemberForm
          invite={(username, role) => props.members.invite(props.pipelineId, username, role)}
          onInvited={replace}
        />
      </Show>
      <section aria-label="People with access" class="members">
        <h3 class="members__title">People with access</h3>
        <Switch>
          <Match when={list.error}>
            <div class="members__state" role="alert">
              <span>Could not load the members: {describeError(list.error)}</span>
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => void refetch()}
              >
                Try again
              </button>
            </div>
          </Match>
          <Match when={list.loading && !list.latest}>
            <div class="members__state" role="status">
              <Spinner /> <span>Loading members…</span>
            </div>
          </Match>
          <Match when={list.latest}>
            {(members) => (
              <ul class="members__list">
                <For each={members()}>
                  {(member) => (
                    <MemberRow
                      member={member}
                      isSelf={member.userId === props.currentUserId}
                      canManage={props.canManage}
                      changeRole={async (role) => {
                        const updated = await props.members.changeRole(props.pipelineId, member.userId, role);
                        replace(updated);
                        if (member.userId === props.currentUserId) props.onOwnMembershipChanged();
                      }}
                      remove={async () => {
                        await props.members.remove(props.pipelineId, member.userId);
                        mutate((current) => (current ?? []).filter((m) => m.userId !== member.userId));
                        if (member.userId === props.currentUserId) props.onOwnMembershipChanged();
                      }}
                    />
                  )}
                </For>
              </ul>
            )}
          </Match>
        </Switch>
      </section>
    </>
  );
}

export function ShareDialog(props: ShareDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={props.canManage ? `Share “${props.pipelineName}”` : `People on “${props.pipelineName}”`}
      class="share-dialog"
    >
      <div class="dialog__body">
        <MemberList
          pipelineId={props.pipelineId}
          currentUserId={props.currentUserId}
          canManage={props.canManage}
          members={props.members}
          onOwnMembershipChanged={props.onOwnMembershipChanged}
        />
      </div>
    </Dialog>
  );
}
