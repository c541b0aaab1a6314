/** The session cookie: its name, reading it from a raw header (HTTP and WebSocket upgrade), setting and clearing it. */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import type { ServerConfig } from '../config.ts';

export const SESSION_COOKIE = 'dominoml_session';

/** The session token from a `Cookie` header, or `null` when there is none. */
export function readSessionCookie(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader, SESSION_COOKIE)[SESSION_COOKIE] || null;
}

function cookieOptions(config: Pick<ServerConfig, 'secureCookies'>) {
  // Lax, not Strict: following a link to a pipeline from another site must arrive signed in.
  // State-changing requests are protected by the Origin check, not by SameSite alone.
  return { httpOnly: true, sameSite: 'Lax', path: '/', secure: config.secureCookies } as const;
}

export function setSessionCookie(
  c: Context,
  token: string,
  expiresAt: Date,
  config: Pick<ServerConfig, 'secureCookies'>,
): void {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(config), maxAge });
}

export function clearSessionCookie(c: Context, config: Pick<ServerConfig, 'secureCookies'>): void {
  deleteCookie(c, SESSION_COOKIE, cookieOptions(config));
}
