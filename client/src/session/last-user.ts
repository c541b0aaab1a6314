/**
 * The last person known to be logged in on this browser, so the app can open offline: without a
 * network `/api/auth/me` cannot answer, and bouncing to /login would strand the work saved on this
 * device. The server still decides: the first answer it gives replaces this guess.
 */
import type { User } from '../../../shared/api/types.ts';

const LAST_USER_KEY = 'dominoml:last-user';

export function readLastUser(storage: Storage = localStorage): User | null {
  try {
    const raw = storage.getItem(LAST_USER_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { id, username, email, createdAt } = value as Record<string, unknown>;
    if (typeof id !== 'string' || typeof username !== 'string') return null;
    return {
      id,
      username,
      email: typeof email === 'string' ? email : '',
      createdAt: typeof createdAt === 'string' ? createdAt : '',
    };
  } catch {
    return null;
  }
}

export function writeLastUser(user: User | null, storage: Storage = localStorage): void {
  try {
    if (user) storage.setItem(LAST_USER_KEY, JSON.stringify(user));
    else storage.removeItem(LAST_USER_KEY);
  } catch {
    // Storage disabled: the app just cannot start offline.
  }
}
