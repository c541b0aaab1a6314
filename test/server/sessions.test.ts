/** Session lifetime: sliding renewal, expiry, forged and malformed cookies, and the helpers the sync server uses. */
import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { readSessionCookie, sessionIdFromToken, validateSessionToken } from '../../server/auth/sessions.ts';
import { sessions } from '../../server/db/schema.ts';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { api, registerUser } from './helpers/accounts.ts';
import { rowCounts } from './helpers/row-counts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();
const DAY_MS = 24 * 60 * 60 * 1000;

const tokenOf = (cookie: string) => cookie.slice('dominoml_session='.length);

async function setExpiry(cookie: string, expiresAt: Date) {
  await server()
    .context.database.db.update(sessions)
    .set({ expiresAt })
    .where(eq(sessions.id, sessionIdFromToken(tokenOf(cookie))));
}

async function storedExpiry(cookie: string): Promise<Date | undefined> {
  const [row] = await server()
    .context.database.db.select()
    .from(sessions)
    .where(eq(sessions.id, sessionIdFromToken(tokenOf(cookie))));
  return row?.expiresAt;
}

const clearsCookie = (response: Response) =>
  response.headers.getSetCookie().some((c) => /^dominoml_session=;.*Max-Age=0/.test(c));

describe('sliding expiry', () => {
  test('a session in the first half of its lifetime is used as is: no new cookie, same expiry', async () => {
    const { cookie } = await registerUser(server().url);
    const before = await storedExpiry(cookie);
    const response = await api(server().url, '/api/auth/me', { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await storedExpiry(cookie)).toEqual(before);
  });

  test('a session in its second half is renewed to a full lifetime, in the database and the cookie', async () => {
    const { cookie } = await registerUser(server().url);
    await setExpiry(cookie, new Date(Date.now() + 10 * DAY_MS)); // a third of 30 days left
    const requestedAt = Date.now();
    const response = await api(server().url, '/api/auth/me', { cookie });
    expect(response.status).toBe(200);

    const renewed = (await storedExpiry(cookie))!.getTime();
    expect(renewed).toBeGreaterThanOrEqual(requestedAt + 30 * DAY_MS - 1000);
    expect(renewed).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toContain(`${cookie};`); // the same token, sent again with a fresh Max-Age
    expect(Number(/Max-Age=(\d+)/.exec(setCookie!)?.[1])).toBeGreaterThan(30 * 24 * 3600 - 10);
  });

  test('an expired session is deleted, the cookie cleared, and the request is anonymous', async () => {
    const { cookie } = await registerUser(server().url);
    await setExpiry(cookie, new Date(Date.now() - 1000));
    const response = await api(server().url, '/api/auth/me', { cookie });
    expect(response.status).toBe(401);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('unauthenticated');
    expect(clearsCookie(response)).toBe(true);
    expect(await storedExpiry(cookie)).toBeUndefined();
  });

  test('an expired cookie cannot create anything', async () => {
    const { cookie } = await registerUser(server().url);
    await setExpiry(cookie, new Date(Date.now() - 1000));
    const before = await rowCounts(server().context.database.db);
    const response = await api(server().url, '/api/pipelines', {
      body: { name: 'Should not exist' },
      cookie,
    });
    expect(response.status).toBe(401);
    expect(await rowCounts(server().context.database.db)).toEqual({
      ...before,
      sessions: before.sessions - 1,
    });
  });

  test("signing in sweeps the user's sessions that expired unused", async () => {
    const { user, cookie } = await registerUser(server().url);
    await setExpiry(cookie, new Date(Date.now() - 1000));
    const login = await api(server().url, '/api/auth/login', {
      body: { login: user.username, password: 'correct horse battery staple' },
    });
    expect(login.status).toBe(200);
    expect(await storedExpiry(cookie)).toBeUndefined();
  });
});

describe('forged and malformed cookies', () => {
  const forgeries = {
    'a well-formed random token': encodeBase32LowerCaseNoPadding(randomBytes(20)),
    'a stored session id (the hash) instead of the token': '',
    'a real token with one character changed': '',
    'not base32 at all': "'; DROP TABLE sessions; --",
    'a very long value': 'a'.repeat(3000),
  };

  test.each(Object.keys(forgeries))('%s is anonymous: 401 and the cookie is cleared', async (kind) => {
    const { cookie } = await registerUser(server().url);
    const token = tokenOf(cookie);
    let forged = forgeries[kind as keyof typeof forgeries];
    if (kind.startsWith('a stored session id')) forged = sessionIdFromToken(token);
    if (kind.startsWith('a real token')) forged = (token[0] === 'a' ? 'b' : 'a') + token.slice(1);

    const before = await rowCounts(server().context.database.db);
    for (const path of ['/api/auth/me', '/api/pipelines']) {
      const response = await api(server().url, path, {
        cookie: `dominoml_session=${encodeURIComponent(forged)}`,
      });
      expect(response.status).toBe(401);
      expect(clearsCookie(response)).toBe(true);
    }
    const create = await api(server().url, '/api/pipelines', {
      body: { name: 'forged' },
      cookie: `dominoml_session=${encodeURIComponent(forged)}`,
    });
    expect(create.status).toBe(401);
    expect(await rowCounts(server().context.database.db)).toEqual(before);
    // The real session was not disturbed by the forgeries.
    expect((await api(server().url, '/api/auth/me', { cookie })).status).toBe(200);
  });
});

describe('helpers for the sync server', () => {
  test('readSessionCookie finds the token among other cookies, and null otherwise', () => {
    expect(readSessionCookie('theme=dark; dominoml_session=abc234; other=1')).toBe('abc234');
    expect(readSessionCookie('theme=dark')).toBeNull();
    expect(readSessionCookie('dominoml_session=')).toBeNull();
    expect(readSessionCookie('')).toBeNull();
    expect(readSessionCookie(null)).toBeNull();
  });

  test('validateSessionToken returns the user and session for a live token, null for anything else', async () => {
    const { user, cookie } = await registerUser(server().url);
    const validation = await validateSessionToken(server().context, tokenOf(cookie));
    expect(validation?.user).toEqual(user);
    expect(validation?.session.userId).toBe(user.id);
    expect(validation?.session.id).toBe(sessionIdFromToken(tokenOf(cookie)));
    expect(await validateSessionToken(server().context, 'x')).toBeNull();
    expect(
      await validateSessionToken(server().context, encodeBase32LowerCaseNoPadding(randomBytes(20))),
    ).toBeNull();
  });
});
