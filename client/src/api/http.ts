/**
 * The one fetch wrapper of the client: JSON in and out, same-origin cookies, errors as
 * ApiRequestError, and a hook for "your session ended" (401 outside the auth endpoints).
 */
import { ApiRequestError, makeNetworkError, readErrorResponse } from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

export interface HttpClient {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** Called when a request outside `/api/auth/` answers 401: the session expired or was revoked. */
  setUnauthenticatedHandler(handler: ((error: ApiRequestError) => void) | undefined): void;
  /**
   * A page that handles an ended session in place (the builder keeps the person's edits on the
   * page and asks for the password there) takes 401s over from the app-wide handler, which
   * would navigate away, until the returned function is called.
   */
  overrideUnauthenticated(handler: (error: ApiRequestError) => void): () => void;
}

export interface HttpClientOptions {
  /** Defaults to the global fetch; component tests pass a stub. */
  fetch?: typeof fetch;
}

const AUTH_PREFIX = '/api/auth/';

export function makeQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function makeHttpClient(options: HttpClientOptions = {}): HttpClient {
  let onUnauthenticated: ((error: ApiRequestError) => void) | undefined;
  /** Newest last: the page on top handles a 401. */
  const overrides: ((error: ApiRequestError) => void)[] = [];

  async function request<T>(
    method: HttpMethod,
    path: string,
    requestOptions: RequestOptions = {},
  ): Promise<T> {
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (requestOptions.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(path + makeQueryString(requestOptions.query), {
        method,
        headers,
        body: requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
        credentials: 'same-origin',
        signal: requestOptions.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw makeNetworkError();
    }
    if (!response.ok) {
      const error = await readErrorResponse(response);
      if (response.status === 401 && !path.startsWith(AUTH_PREFIX)) {
        (overrides.at(-1) ?? onUnauthenticated)?.(error);
      }
      throw error;
    }
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiRequestError(
        response.status,
        'bad_response',
        'The server sent a response the app cannot read.',
      );
    }
  }

  return {
    request,
    setUnauthenticatedHandler(handler) {
      onUnauthenticated = handler;
    },
    overrideUnauthenticated(handler) {
      overrides.push(handler);
      return () => {
        const at = overrides.lastIndexOf(handler);
        if (at >= 0) overrides.splice(at, 1);
      };
    },
  };
}
