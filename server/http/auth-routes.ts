/** `/api/auth`: register, login, logout, me (ARCHITECTURE §5). */
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { loginSchema, registerSchema } from '../../shared/api/schemas.ts';
import type { User } from '../../shared/api/types.ts';
import { createLoginThrottle } from '../auth/login-throttle.ts';
import { hashPassword, verifyDummyPassword, verifyPassword } from '../auth/passwords.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { createSession, invalidateSession } from '../auth/sessions.ts';
import { createUser, findUserByLogin, toUser } from '../auth/users.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, rateLimited } from './errors.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';
import { readJson } from './validate.ts';

/** One message for every failed login, so the answer never tells which accounts exist. */
const BAD_CREDENTIALS = 'Wrong username, email or password';

export function authRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;
  const throttle = createLoginThrottle(ctx.config);

  /** Replaces whatever session the request had with a new one for `user` (no session fixation). */
  async function signIn(c: Context<AppEnv>, user: User): Promise<void> {
    const previous = c.get('session');
    if (previous) await invalidateSession(ctx, previous.id);
    const { token, session } = await createSession(ctx, user.id);
    setSessionCookie(c, token, session.expiresAt, ctx.config);
  }

  routes.post('/register', async (c) => {
    const input = await readJson(c, registerSchema, maxBytes);
    const passwordHash = await hashPassword(input.password);
    const created = await createUser(db, { username: input.username, email: input.email, passwordHash });
    if (!created.ok) {
      const message =
        created.taken === 'email'
          ? 'An account with this email already exists'
          : 'This username is already taken';
      throw new ApiError(409, 'conflict', message, { [created.taken]: message });
    }
    await signIn(c, created.user);
    return c.json({ user: created.user }, 201);
  });

  routes.post('/login', async (c) => {
    const input = await readJson(c, loginSchema, maxBytes);
    const address = clientAddress(c);
    const attempt = throttle.begin(input.login, address);
    if (!attempt.allowed) {
      throw rateLimited(attempt.retryAfterMs, 'Too many failed sign-in attempts. Try again later.');
    }
    const row = await findUserByLogin(db, input.login);
    if (!row) {
      await verifyDummyPassword(input.password); // same time as a real check: no account enumeration
      throw new ApiError(401, 'unauthenticated', BAD_CREDENTIALS);
    }
    if (!(await verifyPassword(row.passwordHash, input.password))) {
      throw new ApiError(401, 'unauthenticated', BAD_CREDENTIALS);
    }
    throttle.succeeded(input.login, address);
    const user = toUser(row);
    await signIn(c, user);
    return c.json({ user });
  });

  routes.post('/logout', async (c) => {
    const session = c.get('session');
    if (session) await invalidateSession(ctx, session.id);
    clearSessionCookie(c, ctx.config);
    return c.body(null, 204);
  });

  routes.get('/me', (c) => c.json({ user: requireUser(c) }));

  return routes;
}

/**
 * The TCP peer's address. Behind a reverse proxy every client shares the proxy's address; trusting
 * `X-Forwarded-For` would need a configured list of proxies, which DominoML does not have yet.
 */
function clientAddress(c: Context): string {
  return getConnInfo(c).remote.address ?? 'unknown';
}
