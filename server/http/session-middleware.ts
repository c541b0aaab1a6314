/**
 * Resolves the session cookie of every API request to `c.var.user` / `c.var.session` (both `null`
 * when anonymous), renews a sliding session's cookie, and clears a cookie that no longer works.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { User } from '../../shared/api/types.ts';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { type Session, validateSessionToken } from '../auth/sessions.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from './errors.ts';

export interface AppEnv {
  Variables: {
    user: User | null;
    session: Session | null;
  };
}

export function sessionMiddleware(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = readSessionCookie(c.req.header('cookie'));
    if (token) {
      const validation = await validateSessionToken(ctx, token);
      if (validation) {
        c.set('user', validation.user);
        c.set('session', validation.session);
        if (validation.renewed) setSessionCookie(c, token, validation.session.expiresAt, ctx.config);
      } else {
        // Expired, revoked or forged: tell the browser to stop sending it.
        clearSessionCookie(c, ctx.config);
      }
    }
    await next();
  };
}

/** The signed-in user, or a 401 for an anonymous request. */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.get('user');
  if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in to continue');
  return user;
}
