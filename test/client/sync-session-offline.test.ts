import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { AuthApi } from '../../client/src/api/auth.ts';
import { ApiRequestError, makeNetworkError } from '../../client/src/api/errors.ts';
import { createSession } from '../../client/src/session/session.ts';
import type { User } from '../../shared/api/types.ts';

const ALICE: User = {
  id: 'u1',
  username: 'alice',
  email: 'alice@example.test',
  createdAt: '2026-01-01T00:00:00Z',
};

function authWith(me: () => Promise<User | null>): AuthApi {
  return {
    me,
    login: async () => ALICE,
    register: async () => ALICE,
    logout: async () => {},
  };
}

function startSession(auth: AuthApi) {
  return createRoot((dispose) => ({ session: createSession(auth), dispose }));
}

describe('session offline', () => {
  it('opens as the last known user when the server cannot be reached', async () => {
    const online = startSession(authWith(async () => ALICE));
    await expect.poll(() => online.session.user()?.id).toBe('u1');
    online.dispose();

    const offline = startSession(
      authWith(async () => {
        throw makeNetworkError();
      }),
    );
    await expect.poll(() => offline.session.state().kind).toBe('ready');
    expect(offline.session.user()?.username).toBe('alice');
    offline.dispose();
  });

  it('shows the error when nobody was logged in here before, or the server itself failed', async () => {
    const offline = startSession(
      authWith(async () => {
        throw makeNetworkError();
      }),
    );
    await expect.poll(() => offline.session.state().kind).toBe('error');
    offline.dispose();

    localStorage.setItem('dominoml:last-user', JSON.stringify(ALICE));
    const broken = startSession(
      authWith(async () => {
        throw new ApiRequestError(500, 'internal', 'Something went wrong on the server');
      }),
    );
    await expect.poll(() => broken.session.state().kind).toBe('error');
    broken.dispose();
  });

  it('forgets the last user on logout or when the server says the session is gone', async () => {
    const online = startSession(authWith(async () => ALICE));
    await expect.poll(() => online.session.user()?.id).toBe('u1');
    online.session.signedOut();
    online.dispose();

    const offline = startSession(
      authWith(async () => {
        throw makeNetworkError();
      }),
    );
    await expect.poll(() => offline.session.state().kind).toBe('error');
    offline.dispose();
  });
});
