/** `/api/auth/*`: register, log in and out, and who is logged in. */
import type { LoginRequest, RegisterRequest } from '../../../shared/api/schemas.ts';
import type { User } from '../../../shared/api/types.ts';
import { ApiRequestError } from './errors.ts';
import type { HttpClient } from './http.ts';

export interface AuthApi {
  register(body: RegisterRequest): Promise<User>;
  login(body: LoginRequest): Promise<User>;
  logout(): Promise<void>;
  /** The logged-in user, or null when there is no valid session. */
  me(): Promise<User | null>;
}

export function makeAuthApi(http: HttpClient): AuthApi {
  return {
    async register(body) {
      return (await http.request<{ user: User }>('POST', '/api/auth/register', { body })).user;
    },
    async login(body) {
      return (await http.request<{ user: User }>('POST', '/api/auth/login', { body })).user;
    },
    async logout() {
      await http.request<void>('POST', '/api/auth/logout');
    },
    async me() {
      try {
        return (await http.request<{ user: User }>('GET', '/api/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
  };
}
