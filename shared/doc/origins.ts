/**
 * Transaction origins (ARCHITECTURE §3, STYLE habit 5). Every write this module makes runs in
 * `doc.transact(fn, origin)` with one of these, so that:
 * - the per-user Y.UndoManager tracks only its own user's edits (it matches origins by identity),
 * - observers can tell a person's edit from a synced, migrated or restored change.
 *
 * Origins are frozen objects compared by identity, never by content: two tabs of the same person
 * get two user origins and therefore two independent undo histories.
 *
 * Note: the Hocuspocus provider applies synced updates with the provider object as origin;
 * `REMOTE_ORIGIN` is for our own code that applies updates it received (server, tests, imports).
 */
import { assertNever } from './assert-never.ts';

/** A person editing through this client. Create one per editing session. */
export interface UserEditOrigin {
  readonly kind: 'user';
  readonly userId: string;
}

/** An update received from another replica. */
export interface RemoteOrigin {
  readonly kind: 'remote';
}

/** Initialisation and schema migrations written by the system, never undoable by a person. */
export interface MigrationOrigin {
  readonly kind: 'migration';
}

/** Restoring a version snapshot into the live document. */
export interface RestoreOrigin {
  readonly kind: 'restore';
}

export type DocOrigin = UserEditOrigin | RemoteOrigin | MigrationOrigin | RestoreOrigin;

export const REMOTE_ORIGIN: RemoteOrigin = Object.freeze({ kind: 'remote' });
export const MIGRATION_ORIGIN: MigrationOrigin = Object.freeze({ kind: 'migration' });
export const RESTORE_ORIGIN: RestoreOrigin = Object.freeze({ kind: 'restore' });

/** A fresh origin for one person's editing session (one tab, one undo history). */
export function createUserOrigin(userId: string): UserEditOrigin {
  return Object.freeze({ kind: 'user', userId });
}

export function isUserOrigin(origin: unknown): origin is UserEditOrigin {
  return typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'user';
}

/** A short label for logs and developer tools. */
export function describeOrigin(origin: DocOrigin): string {
  switch (origin.kind) {
    case 'user':
      return `user ${origin.userId}`;
    case 'remote':
      return 'remote replica';
    case 'migration':
      return 'system migration';
    case 'restore':
      return 'version restore';
    default:
      return assertNever(origin);
  }
}
