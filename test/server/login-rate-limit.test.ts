/**
 * Login rate limiting per account and per client address. Requests leave from different loopback
 * addresses (127.0.0.x all reach a server on 127.0.0.1 on Linux), so the two limits can be told
 * apart within one server.
 */
import http from 'node:http';
import { describe, expect, test } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { registerUser } from './helpers/accounts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const MAX_ATTEMPTS = 3;
const WINDOW_MS = 60_000;
const PASSWORD = 'correct horse battery staple';
const server = useSuiteServer({ config: { loginMaxAttempts: MAX_ATTEMPTS, loginWindowMs: WINDOW_MS } });

let nextAddress = 10;
/** A loopback address no other test used, i.e. a fresh per-address budget. */
function freshAddress(): string {
  nextAddress += 1;
  return `127.0.0.${nextAddress}`;
}

interface LoginAnswer {
  status: number;
  retryAfter: string | undefined;
  body: ApiErrorBody | { user: unknown };
}

function loginFrom(localAddress: string, login: string, password: string): Promise<LoginAnswer> {
  const url = new URL('/api/auth/login', server().url);
  const payload = JSON.stringify({ login, password });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          origin: url.origin,
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] as string | undefined,
            body: JSON.parse(text) as LoginAnswer['body'],
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

function expectRateLimited(answer: LoginAnswer) {
  expect(answer.status).toBe(429);
  expect((answer.body as ApiErrorBody).error.code).toBe('rate_limited');
  const seconds = Number(answer.retryAfter);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(WINDOW_MS / 1000);
}

describe('per account', () => {
  test('after the allowed failures the account is locked, from any address, even with the right password', async () => {
    const { user } = await registerUser(server().url);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      expect((await loginFrom(freshAddress(), user.username, 'wrong password')).status).toBe(401);
    }
    expectRateLimited(await loginFrom(freshAddress(), user.username, 'wrong password'));
    expectRateLimited(await loginFrom(freshAddress(), user.username, PASSWORD));
    // The login is normalized: another spelling of the same name shares the count.
    expectRateLimited(await loginFrom(freshAddress(), user.username.toUpperCase(), PASSWORD));
  });

  test('a successful login resets the account count', async () => {
    const { user } = await registerUser(server().url);
    const address = freshAddress();
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      expect((await loginFrom(address, user.username, 'wrong password')).status).toBe(401);
    }
    expect((await loginFrom(address, user.username, PASSWORD)).status).toBe(200);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      expect((await loginFrom(freshAddress(), user.username, 'wrong password')).status).toBe(401);
    }
    expect((await loginFrom(freshAddress(), user.username, PASSWORD)).status).toBe(200);
  });

  test('parallel guesses cannot slip past the limit while the hashes run', async () => {
    const { user } = await registerUser(server().url);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => loginFrom(freshAddress(), user.username, 'wrong password')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([
      ...Array<number>(MAX_ATTEMPTS).fill(401),
      ...Array<number>(10 - MAX_ATTEMPTS).fill(429),
    ]);
  });
});

describe('per address', () => {
  test('one address failing against several accounts is blocked, other addresses are not', async () => {
    const address = freshAddress();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const answer = await loginFrom(address, `nobody${i}-${address}`, 'guess');
      expect(answer.status).toBe(401);
    }
    const victim = await registerUser(server().url);
    expectRateLimited(await loginFrom(address, victim.user.username, PASSWORD));
    expect((await loginFrom(freshAddress(), victim.user.username, PASSWORD)).status).toBe(200);
  });
});
