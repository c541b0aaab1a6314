/**
 * The sync status in the top bar. The pill updates on every edit (the count), so it is not itself
 * a live region; a hidden one announces only changes of state ("Offline…", "Online…").
 */

import { Match, Switch } from 'solid-js';
import type { SyncStatus } from '../sync/sync-state.ts';
import { describeSyncStatus } from '../sync/sync-status-text.ts';
import { Cloud, CloudOff, LoaderCircle, LockKeyhole, RefreshCw, ShieldAlert } from './icons.ts';

export interface SyncStatusPillProps {
  status: SyncStatus;
  unsyncedChanges: number;
  /** Offered while the session is expired: reopens the login panel. */
  onLogin?: () => void;
}

function StatusIcon(props: { status: SyncStatus }) {
  return (
    <Switch>
      <Match when={props.status === 'online'}>
        <Cloud size={14} aria-hidden="true" />
      </Match>
      <Match when={props.status === 'syncing'}>
        <RefreshCw size={14} aria-hidden="true" class="sync-pill__spin" />
      </Match>
      <Match when={props.status === 'connecting'}>
        <LoaderCircle size={14} aria-hidden="true" class="sync-pill__spin" />
      </Match>
      <Match when={props.status === 'offline'}>
        <CloudOff size={14} aria-hidden="true" />
      </Match>
      <Match when={props.status === 'auth-required'}>
        <LockKeyhole size={14} aria-hidden="true" />
      </Match>
      <Match when={props.status === 'forbidden'}>
        <ShieldAlert size={14} aria-hidden="true" />
      </Match>
    </Switch>
  );
}

export function SyncStatusPill(props: SyncStatusPillProps) {
  const text = () => describeSyncStatus(props.status, props.unsyncedChanges);
  // Announce the state, not the count: a number changing on every keystroke is noise.
  const announcement = () => describeSyncStatus(props.status, 0).description;

  return (
    <>
      <Switch
        fallback={
          <span
            class={`sync-pill sync-pill--${text().tone}`}
            title={text().description}
            data-testid="sync-status"
            data-status={props.status}
          >
            <StatusIcon status={props.status} />
            <span>{text().label}</span>
          </span>
        }
      >
        <Match when={props.status === 'auth-required' && props.onLogin}>
          {(onLogin) => (
            <button
              type="button"
              class={`sync-pill sync-pill--${text().tone} sync-pill--button`}
              title={`${text().description} Click to log in.`}
              data-testid="sync-status"
              data-status={props.status}
              onClick={() => onLogin()()}
            >
              <StatusIcon status={props.status} />
              <span>{text().label}</span>
            </button>
          )}
        </Match>
      </Switch>
      <span class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </span>
    </>
  );
}
