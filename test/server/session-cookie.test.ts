/** The session cookie's attributes, checked on a bare Hono app (no server or database needed). */
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../../server/auth/session-cookie.ts';

async function cookieSetBy(secureCookies: boolean, action: 'set' | 'clear'): Promise<string[]> {
  const app = new Hono();
  app.get('/', (c) => {
    if (action === 'set')
      setSessionCookie(c, 'token234', new Date(Date.now() + 3_600_000), { secureCookies });
    else clearSessionCookie(c, { secureCookies });
    return c.body(null, 204);
  });
  const response = await app.request('/');
  return response.headers.getSetCookie();
}

describe('session cookie', () => {
  test('is HttpOnly, SameSite=Lax, Path=/, with a Max-Age, and Secure when configured', async () => {
    const [plain] = await cookieSetBy(false, 'set');
    expect(plain).toBe('dominoml_session=token234; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax');
    const [secure] = await cookieSetBy(true, 'set');
    expect(secure).toBe('dominoml_session=token234; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax');
  });

  test('clearing sends an empty value with Max-Age=0 and the same attributes', async () => {
    expect(await cookieSetBy(true, 'clear')).toEqual([
      'dominoml_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
    ]);
  });

  test('reading from a raw Cookie header (as the WebSocket upgrade has it)', () => {
    expect(readSessionCookie('a=1; dominoml_session=token234; b=2')).toBe('token234');
    expect(readSessionCookie('dominoml_session_other=x')).toBeNull();
    expect(readSessionCookie(undefined)).toBeNull();
  });
});
