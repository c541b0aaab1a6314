/** People named on records: a left join on `users` gives null id and name once an account is gone. */
import type { PersonRef } from '../../shared/api/types.ts';

export function personRef(id: string | null, username: string | null): PersonRef | null {
  return id !== null && username !== null ? { id, username } : null;
}

export const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());
