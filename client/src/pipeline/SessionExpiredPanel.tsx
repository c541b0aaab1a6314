/**
 * "Your session expired": a panel, not a modal, so the person can keep working and log in when
 * it suits them. Edits stay in the document and on this device meanwhile; after the login the
 * page reconnects and they sync. The username is fixed: the waiting edits belong to this account.
 */

import { createSignal, createUniqueId, Show } from 'solid-js';
import { describeError } from '../api/errors.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { SubmitButton } from '../components/SubmitButton.tsx';
import { TextField } from '../components/TextField.tsx';
import { LockKeyhole } from './icons.ts';

export interface SessionExpiredPanelProps {
  username: string;
  unsyncedChanges: number;
  login: (password: string) => Promise<void>;
  onDismiss: () => void;
}

export function SessionExpiredPanel(props: SessionExpiredPanelProps) {
  const titleId = createUniqueId();
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (pending()) return;
    if (password() === '') {
      setError('Enter your password');
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await props.login(password());
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="session-panel" role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <header class="session-panel__header">
        <LockKeyhole size={16} aria-hidden="true" />
        <h2 id={titleId} class="session-panel__title">
          Your session expired — log in again to sync your changes
        </h2>
      </header>
      <p class="session-panel__text">
        <Show when={props.unsyncedChanges > 0} fallback="You can keep working; nothing is lost.">
          {props.unsyncedChanges === 1 ? '1 change is' : `${props.unsyncedChanges} changes are`} kept on this
          device until then. You can keep working.
        </Show>
      </p>
      <form class="session-panel__form" onSubmit={submit} noValidate aria-label="Log in again">
        <FormAlert message={error()} />
        <TextField
          label="Username"
          name="username"
          autocomplete="username"
          value={props.username}
          onValue={() => {}}
          readOnly
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autocomplete="current-password"
          autofocus
          value={password()}
          onValue={setPassword}
        />
        <div class="session-panel__actions">
          <button type="button" class="button button--ghost" onClick={() => props.onDismiss()}>
            Later
          </button>
          <SubmitButton pending={pending()} pendingLabel="Logging in…">
            Log in and sync
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
