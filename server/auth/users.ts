/** Accounts: creating them (race-safe uniqueness) and finding one by username or email. */
import { sql } from 'drizzle-orm';
import type { User } from '../../shared/api/types.ts';
import type { Db } from '../db/database.ts';
import { uniqueViolationConstraint } from '../db/pg-errors.ts';
import { users } from '../db/schema.ts';

type UserRow = typeof users.$inferSelect;

export function toUser(row: Pick<UserRow, 'id' | 'username' | 'email' | 'createdAt'>): User {
  return { id: row.id, username: row.username, email: row.email, createdAt: row.createdAt.toISOString() };
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; taken: 'username' | 'email' };

/**
 * Inserts the account and lets the case-insensitive unique indexes decide duplicates, so two
 * simultaneous registrations of one name cannot both succeed (a check-then-insert could).
 */
export async function createUser(
  db: Db,
  input: { username: string; email: string; passwordHash: string },
): Promise<CreateUserResult> {
  try {
    const [row] = await db.insert(users).values(input).returning();
    return { ok: true, user: toUser(row!) };
  } catch (error) {
    const constraint = uniqueViolationConstraint(error);
    if (constraint === null) throw error;
    return { ok: false, taken: constraint.includes('email') ? 'email' : 'username' };
  }
}

/**
 * The account a login names: an email when it contains "@" (usernames cannot), else a username.
 * Both sides go through PostgreSQL's lower(), like the unique indexes, so the comparison agrees
 * with what counts as a duplicate (JavaScript's toLowerCase can differ for some scripts).
 */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const column = login.includes('@') ? users.email : users.username;
  const [row] = await db.select().from(users).where(sql`lower(${column}) = lower(${login})`).limit(1);
  return row;
}
