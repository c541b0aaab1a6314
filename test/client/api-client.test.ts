/** The fetch wrapper: JSON both ways, one error type, 401 hook outside /api/auth/, network failures. */
import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError, NETWORK_ERROR_MESSAGE } from '../../client/src/api/errors.ts';
import { makeHttpClient, makeQueryString } from '../../client/src/api/http.ts';
import { errorResponse, jsonResponse } from './helpers/fake-server.ts';

async function rejection(promise: Promise<unknown>): Promise<ApiRequestError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiRequestError))
    throw new Error(`expected an ApiRequestError, got ${String(error)}`);
  return error;
}

describe('makeHttpClient', () => {
  it('sends JSON with same-origin credentials and reads JSON back', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => jsonResponse({ ok: 1 }));
    const http = makeHttpClient({ fetch });
    await expect(
      http.request('POST', '/api/pipelines', { body: { name: 'A' }, query: { q: 'x y', tag: undefined } }),
    ).resolves.toEqual({ ok: 1 });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/pipelines?q=x+y');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"A"}');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('answers 204 with undefined', async () => {
    const http = makeHttpClient({ fetch: async () => new Response(null, { status: 204 }) });
    await expect(http.request('DELETE', '/api/pipelines/1')).resolves.toBeUndefined();
  });

  it('turns an error body into ApiRequestError with status, code, message and fields', async () => {
    const http = makeHttpClient({
      fetch: async () =>
        errorResponse(400, 'validation_failed', 'name: Name must not be empty', {
          name: 'Name must not be empty',
        }),
    });
    const error = await rejection(http.request('POST', '/api/pipelines', { body: {} }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('name: Name must not be empty');
    expect(error.fields).toEqual({ name: 'Name must not be empty' });
  });

  it('copes with error responses that are not the API’s JSON (a proxy’s HTML page)', async () => {
    const http = makeHttpClient({
      fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const error = await rejection(http.request('GET', '/api/pipelines'));
    expect(error.code).toBe('bad_response');
    expect(error.status).toBe(502);
    expect(error.message).toContain('502');
  });

  it('reports a network failure clearly', async () => {
    const http = makeHttpClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await rejection(http.request('GET', '/api/pipelines'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('calls the unauthenticated handler for 401 outside /api/auth/ only', async () => {
    const http = makeHttpClient({ fetch: async () => errorResponse(401, 'unauthenticated', 'Log in') });
    const handler = vi.fn();
    http.setUnauthenticatedHandler(handler);
    await rejection(http.request('POST', '/api/auth/login', { body: {} }));
    expect(handler).not.toHaveBeenCalled();
    await rejection(http.request('GET', '/api/pipelines'));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('a page that overrides the handler gets the 401s until it lets go', async () => {
    const http = makeHttpClient({ fetch: async () => errorResponse(401, 'unauthenticated', 'Log in') });
    const appWide = vi.fn();
    const page = vi.fn();
    http.setUnauthenticatedHandler(appWide);
    const release = http.overrideUnauthenticated(page);
    await rejection(http.request('GET', '/api/pipelines/p/runs'));
    expect(page).toHaveBeenCalledTimes(1);
    expect(appWide).not.toHaveBeenCalled();
    release();
    await rejection(http.request('GET', '/api/pipelines'));
    expect(page).toHaveBeenCalledTimes(1);
    expect(appWide).toHaveBeenCalledTimes(1);
  });
});

describe('makeQueryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(makeQueryString({ q: '', tag: undefined, limit: 20, offset: 0 })).toBe('?limit=20&offset=0');
    expect(makeQueryString({})).toBe('');
    expect(makeQueryString({ q: 'a&b' })).toBe('?q=a%26b');
  });
});
