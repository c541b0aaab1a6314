/** Owners add people by username with a role. Unknown users and other refusals show inline. */
import { createSignal, For } from 'solid-js';
import { type MemberRole, memberInviteSchema } from '../../../shared/api/schemas.ts';
import type { Member } from '../../../shared/api/types.ts';
import { ApiRequestError, describeError } from '../api/errors.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from './roles.ts';

export interface InviteMemberFormProps {
  invite: (username: string, role: MemberRole) => Promise<Member>;
  onInvited: (member: Member) => void;
}

export function InviteMemberForm(props: InviteMemberFormProps) {
  const [username, setUsername] = createSignal('');
  const [role, setRole] = createSignal<MemberRole>('editor');
  const [usernameError, setUsernameError] = createSignal<string>();
  const [generalError, setGeneralError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const [notice, setNotice] = createSignal('');

  const submit = async (event: Event) => {
    event.preventDefault();
    if (pending()) return;
    setNotice('');
    setGeneralError(undefined);
    const parsed = memberInviteSchema.safeParse({ username: username(), role: role() });
    if (!parsed.success) {
      setUsernameError(parsed.error.issues[0]?.message ?? 'Enter a username');
      return;
    }
    setUsernameError(undefined);
    setPending(true);
    try {
      const member = await props.invite(parsed.data.username, parsed.data.role);
      props.onInvited(member);
      setUsername('');
      setNotice(`${member.username} is on the pipeline as ${ROLE_LABELS[member.role].toLowerCase()}.`);
    } catch (error) {
      // "No such user" belongs to the username field; everything else is about the whole request.
      if (error instanceof ApiRequestError && error.status === 404) setUsernameError(error.message);
      else setGeneralError(describeError(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form class="invite-form" onSubmit={submit} noValidate aria-label="Invite someone">
      <FormAlert message={generalError()} />
      <div class="invite-form__row">
        <TextField
          class="invite-form__username"
          label="Invite by username"
          name="username"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          autofocus
          placeholder="username"
          value={username()}
          onValue={(value) => {
            setUsername(value);
            setUsernameError(undefined);
          }}
          error={usernameError()}
        />
        <div class="field invite-form__role">
          <label class="field__label" for="invite-role">
            Role
          </label>
          <select
            id="invite-role"
            class="input"
            value={role()}
            onChange={(event) => setRole(event.currentTarget.value as MemberRole)}
          >
            <For each={ROLES}>
              {(option) => (
                <option value={option} title={ROLE_DESCRIPTIONS[option]}>
                  {ROLE_LABELS[option]}
                </option>
              )}
            </For>
          </select>
        </div>
        <SubmitButton pending={pending()} pendingLabel="Inviting…" class="invite-form__submit">
          Invite
        </SubmitButton>
      </div>
      <p class="invite-form__notice" role="status">
        {notice()}
      </p>
    </form>
  );
}
