/**
 * Sessions as lucia-auth.com describes them: the cookie carries a random token (20 bytes, base32),
 * the database stores only its SHA-256, so a leaked `sessions` table cannot be replayed as
 * cookies. Expiry slides: a session used in the second half of its lifetime is renewed.
 *
 * The sync server authenticates WebSocket upgrades with `readSessionCookie` + `validateSessionToken`.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lt } from 'drizzle-orm';
import type { User } from '../../shared/api/types.ts';
import type { ServerContext } from '../context.ts';
import { sessions, users } from '../db/schema.ts';
import { toUser } from './users.ts';

export { readSessionCookie } from './session-cookie.ts';

/** 160 bits of randomness: Lucia's minimum, far beyond guessing. */
const TOKEN_BYTES = 20;
/** What `generateSessionToken` produces; anything else is rejected before touching the database. */
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

type SessionContext = Pick<ServerContext, 'database' | 'config'>;

export interface Session {
  /** Hex SHA-256 of the token; the token itself is never stored. */
  id: string;
  userId: string;
  expiresAt: Date;
}

export interface SessionValidation {
  user: User;
  session: Session;
  /** The expiry moved forward during this validation, so the cookie should be sent again. */
  renewed: boolean;
}

export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  ctx: SessionContext,
  userId: string,
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(Date.now() + ctx.config.sessionTtlMs),
  };
  const { db } = ctx.database;
  // Sessions that expired unused are never looked up again; sweep the user's own at each sign-in.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  await db.insert(sessions).values(session);
  return { token, session };
}

/**
 * The user and session a token belongs to, or `null` for an unknown, malformed or expired token
 * (an expired session is deleted on the way).
 */
export async function validateSessionToken(
  ctx: SessionContext,
  token: string,
): Promise<SessionValidation | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const { db } = ctx.database;
  const id = sessionIdFromToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;

  const session: Session = { id, userId: row.session.userId, expiresAt: row.session.expiresAt };
  const now = Date.now();
  if (now >= session.expiresAt.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const ttl = ctx.config.sessionTtlMs;
  const renewed = session.expiresAt.getTime() - now < ttl / 2;
  if (renewed) {
    session.expiresAt = new Date(now + ttl);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
  }
  return { user: toUser(row.user), session, renewed };
}

export async function invalidateSession(ctx: SessionContext, sessionId: string): Promise<void> {
  await ctx.database.db.delete(sessions).where(eq(sessions.id, sessionId));
}
