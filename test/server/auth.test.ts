/** Accounts and sessions over HTTP: register, login, logout, me. */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { sessions, users } from '../../server/db/schema.ts';
import type { ApiErrorBody, User } from '../../shared/api/types.ts';
import { api, registerUser, sessionCookieFrom } from './helpers/accounts.ts';
import { rowCounts } from './helpers/row-counts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const PASSWORD = 'correct horse battery staple';
const server = useSuiteServer();

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

async function register(username: string, email = `${username}@example.test`, password = PASSWORD) {
  return api(server().url, '/api/auth/register', { body: { username, email, password } });
}

async function login(loginName: string, password = PASSWORD) {
  return api(server().url, '/api/auth/login', { body: { login: loginName, password } });
}

async function me(cookie: string) {
  return api(server().url, '/api/auth/me', { cookie });
}

describe('register', () => {
  test('creates the account, answers 201 with the user, and signs in with a session cookie', async () => {
    const username = uniqueName('Ada');
    const response = await register(username, `${username}@Example.test`);
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: User };
    expect(user).toEqual({
      id: expect.any(String),
      username,
      email: `${username}@Example.test`,
      createdAt: expect.any(String),
    });
    expect(Object.keys(user)).not.toContain('passwordHash');

    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('dominoml_session='))!;
    expect(setCookie).toMatch(/^dominoml_session=[a-z2-7]{32};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(30 * 24 * 3600 - 10); // 30 days
    expect(maxAge).toBeLessThanOrEqual(30 * 24 * 3600);
    expect(setCookie).not.toContain('Secure'); // plain http in tests; PUBLIC_URL=https turns it on

    const meResponse = await me(sessionCookieFrom(response));
    expect(meResponse.status).toBe(200);
    expect(await meResponse.json()).toEqual({ user });
  });

  test('stores only the SHA-256 of the session token, and an argon2id password hash', async () => {
    const response = await register(uniqueName('hashy'));
    const token = sessionCookieFrom(response).split('=')[1]!;
    const { user } = (await response.json()) as { user: User };
    const { db } = server().context.database;

    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.id)).toEqual([encodeHexLowerCase(sha256(new TextEncoder().encode(token)))]);
    const [account] = await db.select().from(users).where(eq(users.id, user.id));
    expect(account!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(account!.passwordHash).not.toContain(PASSWORD);
  });

  test('refuses a username or email that differs from an existing one only in case (409 conflict)', async () => {
    const username = uniqueName('grace');
    expect((await register(username)).status).toBe(201);
    const before = await rowCounts(server().context.database.db);

    const sameName = await register(username.toUpperCase(), `other-${username}@example.test`);
    expect(sameName.status).toBe(409);
    const nameBody = (await sameName.json()) as ApiErrorBody;
    expect(nameBody.error.code).toBe('conflict');
    expect(nameBody.error.fields).toHaveProperty('username');

    const sameEmail = await register(`${username}x`, `${username.toUpperCase()}@EXAMPLE.TEST`);
    expect(sameEmail.status).toBe(409);
    const emailBody = (await sameEmail.json()) as ApiErrorBody;
    expect(emailBody.error.code).toBe('conflict');
    expect(emailBody.error.fields).toHaveProperty('email');
    expect(sameEmail.headers.getSetCookie()).toEqual([]);

    expect(await rowCounts(server().context.database.db)).toEqual(before);
  });

  test('concurrent registrations of one username: exactly one 201, the rest 409', async () => {
    const username = uniqueName('race');
    const attempts = 8;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, i) =>
        register(i % 2 ? username : username.toUpperCase(), `${username}-${i}@example.test`),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(attempts - 1).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(((await response.json()) as ApiErrorBody).error.code).toBe('conflict');
    }
    const rows = await server()
      .context.database.db.select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    expect(rows).toHaveLength(1);
  });

  test('concurrent registrations of one email: exactly one 201, the rest 409', async () => {
    const email = `${uniqueName('shared')}@example.test`;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => register(uniqueName(`mail${i}`), email)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });
});

describe('login', () => {
  test('accepts the username or the email, in any case, and issues a new session', async () => {
    const { user, cookie: registrationCookie } = await registerUser(server().url, uniqueName('Linus'));
    for (const name of [user.username, user.username.toLowerCase(), user.email.toUpperCase()]) {
      const response = await login(name);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ user });
      const cookie = sessionCookieFrom(response);
      expect(cookie).not.toBe(registrationCookie);
      expect(((await (await me(cookie)).json()) as { user: User }).user.id).toBe(user.id);
    }
  });

  test('answers wrong password and unknown account alike: 401 with one generic message', async () => {
    const { user } = await registerUser(server().url, uniqueName('ken'));
    const wrongPassword = await login(user.username, 'not the password');
    const unknownUser = await login(uniqueName('nobody'));
    const unknownEmail = await login(`${uniqueName('nobody')}@example.test`);
    for (const response of [wrongPassword, unknownUser, unknownEmail]) {
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const bodies = await Promise.all([wrongPassword.json(), unknownUser.json(), unknownEmail.json()]);
    expect(bodies[0]).toEqual({
      error: { code: 'unauthenticated', message: 'Wrong username, email or password' },
    });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  test('signing in replaces the session the browser had (no session fixation)', async () => {
    const first = await registerUser(server().url, uniqueName('fix'));
    const second = await registerUser(server().url, uniqueName('fix'));
    const response = await api(server().url, '/api/auth/login', {
      body: { login: second.user.username, password: PASSWORD },
      cookie: first.cookie,
    });
    expect(response.status).toBe(200);
    expect((await me(first.cookie)).status).toBe(401);
    expect((await me(sessionCookieFrom(response))).status).toBe(200);
  });
});

describe('logout and me', () => {
  test('logout deletes the session row, clears the cookie and answers 204', async () => {
    const { user, cookie } = await registerUser(server().url, uniqueName('bye'));
    const { db } = server().context.database;
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    const response = await api(server().url, '/api/auth/logout', { method: 'POST', cookie });
    expect(response.status).toBe(204);
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^dominoml_session=;.*Max-Age=0/),
    ]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await me(cookie)).status).toBe(401);
  });

  test('logout without a session is harmless (204)', async () => {
    const response = await api(server().url, '/api/auth/logout', { method: 'POST' });
    expect(response.status).toBe(204);
  });

  test('me answers 401 unauthenticated without a cookie', async () => {
    const response = await api(server().url, '/api/auth/me');
    expect(response.status).toBe(401);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('unauthenticated');
  });
});
