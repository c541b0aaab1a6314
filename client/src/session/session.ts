/**
 * Who is logged in. `createSession` asks `/api/auth/me` once and then follows login, logout and
 * expired sessions; pages read it through `useSession()`.
 */
import { type Accessor, createContext, createSignal, useContext } from 'solid-js';
import type { User } from '../../../shared/api/types.ts';
import type { AuthApi } from '../api/auth.ts';
import { ApiRequestError, makeNetworkError } from '../api/errors.ts';
import { readLastUser, writeLastUser } from './last-user.ts';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiRequestError }
  | { kind: 'ready'; user: User | null };

export interface Session {
  state: Accessor<SessionState>;
  /** The logged-in user; null while loading, on error, or when logged out. */
  user: Accessor<User | null>;
  /** Asks the server again (first load, or Retry after a network failure). */
  refresh(): Promise<void>;
  /** After a successful login or registration. */
  signedIn(user: User): void;
  /** After logout or when the server says the session is gone. */
  signedOut(): void;
  logout(): Promise<void>;
}

export interface SessionOptions {
  /**
   * Deletes what this device keeps for a person who logs out (their cached datasets). Not called
   * when a session merely expires: the person logs in again and carries on with it.
   */
  forgetLocalData?(userId: string): Promise<void>;
}

export function createSession(auth: AuthApi, options: SessionOptions = {}): Session {
  const [state, setState] = createSignal<SessionState>({ kind: 'loading' });
  let generation = 0;

  async function refresh(): Promise<void> {
    const current = ++generation;
    setState({ kind: 'loading' });
    try {
      const user = await auth.me();
      if (current !== generation) return;
      writeLastUser(user);
      setState({ kind: 'ready', user });
    } catch (error) {
      if (current !== generation) return;
      // Offline: carry on as the person last seen here, so their pipelines open from this device.
      const lastUser =
        error instanceof ApiRequestError && error.code === 'network_error' ? readLastUser() : null;
      if (lastUser) setState({ kind: 'ready', user: lastUser });
      else setState({ kind: 'error', error: error instanceof ApiRequestError ? error : makeNetworkError() });
    }
  }

  function settle(user: User | null): void {
    generation += 1; // an answer to an older refresh must not overwrite this
    writeLastUser(user);
    setState({ kind: 'ready', user });
  }

  void refresh();

  return {
    state,
    user: () => {
      const current = state();
      return current.kind === 'ready' ? current.user : null;
    },
    refresh,
    signedIn: (user) => settle(user),
    signedOut: () => settle(null),
    async logout() {
      const leaving = state();
      await auth.logout();
      settle(null);
      if (leaving.kind === 'ready' && leaving.user) {
        try {
          await options.forgetLocalData?.(leaving.user.id);
        } catch {
          // The data stays on this device, keyed to that person: nobody else reads it.
        }
      }
    },
  };
}

export const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionContext.Provider> above it');
  return session;
}
