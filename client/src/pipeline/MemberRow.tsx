/**
 * One member in the share dialog. Owners change the role in place and remove people after an
 * inline confirmation; others see the role as text. Failures (e.g. "last owner") show in the row.
 */

import { createSignal, For, Show } from 'solid-js';
import type { MemberRole } from '../../../shared/api/schemas.ts';
import type { Member } from '../../../shared/api/types.ts';
import { colorForUser } from '../../../shared/doc/index.ts';
import { describeError } from '../api/errors.ts';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { UserMinus } from './icons.ts';
import { makeInitials } from './initials.ts';
import { ROLE_LABELS, ROLES } from './roles.ts';

export interface MemberRowProps {
  member: Member;
  isSelf: boolean;
  canManage: boolean;
  changeRole: (role: MemberRole) => Promise<void>;
  remove: () => Promise<void>;
}

export function MemberRow(props: MemberRowProps) {
  const [confirming, setConfirming] = createSignal(false);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const selectId = () => `member-role-${props.member.userId}`;

  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(undefined);
    try {
      await action();
      setConfirming(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <li class="member" data-testid="member-row" data-username={props.member.username}>
      <span
        class="avatar avatar--static"
        style={{ '--avatar-color': colorForUser(props.member.userId) }}
        aria-hidden="true"
      >
        {makeInitials(props.member.username)}
      </span>
      <span class="member__name">
        {props.member.username}
        <Show when={props.isSelf}>
          <span class="member__you"> (you)</span>
        </Show>
      </span>
      <Show
        when={props.canManage}
        fallback={<span class={`badge badge--${props.member.role}`}>{ROLE_LABELS[props.member.role]}</span>}
      >
        <label class="visually-hidden" for={selectId()}>
          Role of {props.member.username}
        </label>
        <select
          id={selectId()}
          class="input input--compact member__role"
          value={props.member.role}
          disabled={pending()}
          onChange={(event) => {
            const role = event.currentTarget.value as MemberRole;
            const select = event.currentTarget;
            void run(async () => {
              try {
                await props.changeRole(role);
              } catch (failure) {
                select.value = props.member.role; // show the role the server kept
                throw failure;
              }
            });
          }}
        >
          <For each={ROLES}>{(option) => <option value={option}>{ROLE_LABELS[option]}</option>}</For>
        </select>
        <button
          type="button"
          class="icon-button icon-button--danger"
          aria-label={`Remove ${props.member.username}`}
          title={`Remove ${props.member.username}`}
          disabled={pending() || confirming()}
          onClick={() => setConfirming(true)}
        >
          <UserMinus size={16} aria-hidden="true" />
        </button>
      </Show>
      <Show when={confirming()}>
        <div class="member__confirm">
          <span>
            {props.isSelf
              ? 'Leave this pipeline? You will lose access.'
              : `Remove ${props.member.username}? They lose access at once.`}
          </span>
          <button
            type="button"
            class="button button--secondary button--small"
            // The safe choice takes the focus, so Enter right after the click does not remove.
            ref={(element) => queueMicrotask(() => element.focus())}
            disabled={pending()}
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
          <SubmitButton
            type="button"
            variant="danger"
            class="button--small"
            pending={pending()}
            pendingLabel="Removing…"
            onClick={() => void run(props.remove)}
          >
            Remove
          </SubmitButton>
        </div>
      </Show>
      <Show when={error()}>
        <p class="member__error field__error" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  );
}
