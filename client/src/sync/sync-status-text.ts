/** What the sync status pill says, and what a screen reader hears when the status changes. */
import { assertNever } from '../../../shared/doc/assert-never.ts';
import type { SyncStatus } from './sync-state.ts';

export type SyncTone = 'ok' | 'busy' | 'warning' | 'danger';

export interface SyncStatusText {
  /** The pill: "Online · Synced", "Syncing · 3 unconfirmed", "Offline · 5 local changes". */
  label: string;
  /** A sentence for the tooltip and for assistive technology. */
  description: string;
  tone: SyncTone;
}

function changes(count: number): string {
  return count === 1 ? '1 local change' : `${count} local changes`;
}

export function describeSyncStatus(status: SyncStatus, unsynced: number): SyncStatusText {
  switch (status) {
    case 'connecting':
      return { label: 'Connecting…', description: 'Connecting to the server.', tone: 'busy' };
    case 'online':
      return {
        label: 'Online · Synced',
        description: 'Online. Every change is saved on the server.',
        tone: 'ok',
      };
    case 'syncing':
      return {
        label: unsynced > 0 ? `Syncing · ${unsynced} unconfirmed` : 'Syncing…',
        description: 'Online. Sending your latest changes to the server.',
        tone: 'busy',
      };
    case 'offline':
      return {
        label: unsynced > 0 ? `Offline · ${changes(unsynced)}` : 'Offline',
        description:
          'Offline. You can keep editing: changes are saved on this device and sync when the connection is back.',
        tone: 'warning',
      };
    case 'auth-required':
      return {
        label: unsynced > 0 ? `Not syncing · ${changes(unsynced)}` : 'Not syncing',
        description: 'Your session expired. Changes are kept on this device; log in again to sync them.',
        tone: 'warning',
      };
    case 'forbidden':
      return {
        label: 'No access',
        description: 'You no longer have access to this pipeline on the server.',
        tone: 'danger',
      };
    default:
      return assertNever(status);
  }
}
