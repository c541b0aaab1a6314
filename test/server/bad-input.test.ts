/**
 * Hostile and broken requests: each answers a clear 4xx with the JSON error shape, and nothing in
 * the database changes (row counts and the victim pipeline are compared before and after).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { ApiErrorBody, ApiErrorCode, Page, PipelineSummary } from '../../shared/api/types.ts';
import { api, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import { rowCounts } from './helpers/row-counts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();
const SQL_INJECTION = "'); DROP TABLE users; --";

let owner: TestUser;
let pipeline: PipelineSummary;

beforeAll(async () => {
  owner = await registerUser(server().url);
  pipeline = await createPipeline(server().url, owner, 'Victim pipeline');
});

/** A request with full control over body bytes and headers; Origin is the server's own unless overridden. */
function rawRequest(
  path: string,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string>; cookie?: string } = {},
) {
  const headers: Record<string, string> = {
    origin: server().url,
    'content-type': 'application/json',
    ...init.headers,
  };
  if (init.cookie) headers.cookie = init.cookie;
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  return fetch(`${server().url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

async function snapshot() {
  const list = await api(server().url, '/api/pipelines?limit=100', { cookie: owner.cookie });
  return {
    counts: await rowCounts(server().context.database.db),
    pipelines: (await list.json()) as Page<PipelineSummary>,
  };
}

/** Sends the request and checks the status, the error shape, and that nothing changed. */
async function expectRefused(
  send: () => Promise<Response>,
  status: number,
  code: ApiErrorCode,
): Promise<ApiErrorBody> {
  const before = await snapshot();
  const response = await send();
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ApiErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.ts:\d+|node_modules/); // no stack trace
  expect(await snapshot()).toEqual(before);
  return body;
}

const validRegistration = () => {
  const username = `fresh${Math.random().toString(36).slice(2, 10)}`;
  return { username, email: `${username}@example.test`, password: 'long enough password' };
};

describe('malformed bodies', () => {
  test.each([
    ['truncated JSON', '{"username": "bob", '],
    ['not JSON at all', 'username=bob&password=x'],
    ['an empty body', ''],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])('%s → 400 bad_request', async (_, body) => {
    await expectRefused(() => rawRequest('/api/auth/register', { body }), 400, 'bad_request');
    await expectRefused(
      () => rawRequest('/api/pipelines', { body, cookie: owner.cookie }),
      400,
      'bad_request',
    );
  });

  test('a body over maxJsonBodyBytes → 413, whether declared by Content-Length or streamed in chunks', async () => {
    const huge = JSON.stringify({ name: 'big', description: 'x'.repeat(1024 * 1024 + 10) });
    await expectRefused(
      () => rawRequest('/api/pipelines', { body: huge, cookie: owner.cookie }),
      413,
      'payload_too_large',
    );

    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"big","description":"'));
        if (sent > 32) return controller.close(); // 2 MiB: past the limit, but not endless
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    await expectRefused(
      () => rawRequest('/api/pipelines', { body: stream, cookie: owner.cookie }),
      413,
      'payload_too_large',
    );
  });

  test('NUL characters and unpaired surrogates (which PostgreSQL text cannot hold as sent) → 400', async () => {
    const withNul = JSON.stringify({ name: 'a\u0000b' });
    const loneSurrogate = '{"name": "half \\ud83d emoji"}';
    for (const body of [withNul, loneSurrogate]) {
      await expectRefused(
        () => rawRequest('/api/pipelines', { body, cookie: owner.cookie }),
        400,
        'bad_request',
      );
      await expectRefused(
        () => rawRequest(`/api/pipelines/${pipeline.id}`, { method: 'PATCH', body, cookie: owner.cookie }),
        400,
        'bad_request',
      );
    }
    await expectRefused(
      () => rawRequest('/api/auth/login', { body: JSON.stringify({ login: 'x\u0000', password: 'y' }) }),
      400,
      'bad_request',
    );
    await expectRefused(
      () => api(server().url, '/api/pipelines?q=%00', { cookie: owner.cookie }),
      400,
      'bad_request',
    );
  });
});

describe('missing, wrong-typed and oversized fields', () => {
  test.each([
    ['missing everything', {}, ['username', 'email', 'password']],
    ['missing password', { username: 'someone', email: 'someone@example.test' }, ['password']],
    [
      'wrong types',
      { username: 123, email: ['a@b.c'], password: { x: 1 } },
      ['username', 'email', 'password'],
    ],
    ['null fields', { username: null, email: null, password: null }, ['username', 'email', 'password']],
    ['a 10,000-character username', { ...validRegistration(), username: 'a'.repeat(10_000) }, ['username']],
    ['an SQL-looking username', { ...validRegistration(), username: SQL_INJECTION }, ['username']],
    ['a malformed email', { ...validRegistration(), email: 'not-an-email' }, ['email']],
    ['a short password', { ...validRegistration(), password: 'short' }, ['password']],
    ['a JSON array instead of an object', [1, 2, 3], ['_']],
  ])('register with %s → 400 validation_failed naming the fields', async (_, body, fields) => {
    const error = await expectRefused(
      () => rawRequest('/api/auth/register', { body: JSON.stringify(body) }),
      400,
      'validation_failed',
    );
    expect(Object.keys(error.error.fields ?? {}).sort()).toEqual([...fields].sort());
  });

  test('the 10,000-character username gets a readable message', async () => {
    const error = await expectRefused(
      () =>
        rawRequest('/api/auth/register', {
          body: JSON.stringify({ ...validRegistration(), username: 'a'.repeat(10_000) }),
        }),
      400,
      'validation_failed',
    );
    expect(error.error.message).toBe('username: Username must be at most 32 characters');
  });

  test.each([
    ['no name', {}],
    ['an empty name', { name: '   ' }],
    ['a numeric name', { name: 42 }],
    ['tags as a string', { name: 'ok', tags: 'ml' }],
    ['a 201-character name', { name: 'n'.repeat(201) }],
    ['21 tags', { name: 'ok', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
  ])('create a pipeline with %s → 400 validation_failed', async (_, body) => {
    await expectRefused(
      () => rawRequest('/api/pipelines', { body: JSON.stringify(body), cookie: owner.cookie }),
      400,
      'validation_failed',
    );
  });

  test.each([
    ['nothing to change', {}],
    [
      'only fields that cannot be changed (owner, id)',
      { ownerId: '00000000-0000-0000-0000-000000000000', id: 'x' },
    ],
    ['a wrong-typed description', { description: 7 }],
  ])('PATCH with %s → 400 validation_failed', async (_, body) => {
    await expectRefused(
      () =>
        rawRequest(`/api/pipelines/${pipeline.id}`, {
          method: 'PATCH',
          body: JSON.stringify(body),
          cookie: owner.cookie,
        }),
      400,
      'validation_failed',
    );
  });

  test.each(['limit=0', 'limit=101', 'limit=abc', 'offset=-1', 'offset=1.5', `q=${'q'.repeat(201)}`])(
    'list with %s → 400 validation_failed',
    async (query) => {
      await expectRefused(
        () => api(server().url, `/api/pipelines?${query}`, { cookie: owner.cookie }),
        400,
        'validation_failed',
      );
    },
  );

  test('login with SQL-looking credentials is just a failed login', async () => {
    await expectRefused(
      () =>
        rawRequest('/api/auth/login', {
          body: JSON.stringify({ login: SQL_INJECTION, password: SQL_INJECTION }),
        }),
      401,
      'unauthenticated',
    );
    await expectRefused(
      () =>
        rawRequest('/api/auth/login', {
          body: JSON.stringify({ login: `${SQL_INJECTION}@x`, password: 'p' }),
        }),
      401,
      'unauthenticated',
    );
  });
});

describe('text is stored and returned verbatim', () => {
  const names = [
    SQL_INJECTION,
    'Łódź 🚀 模型 — ñandú',
    'family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 skin 👋🏽',
    'مرحبا بالعالم',
    '<script>alert(1)</script> & "quotes" \'single\'',
    '100% of a_b \\ back\\slash',
  ];

  test.each(names)('name and description %s', async (text) => {
    const description = `${text}\n  with leading spaces, tabs\t, combining e\u0301 and zero\u200bwidth`;
    const created = await api(server().url, '/api/pipelines', {
      body: { name: text, description, tags: [text.slice(0, 40)] },
      cookie: owner.cookie,
    });
    expect(created.status).toBe(201);
    const summary = (await created.json()) as PipelineSummary;
    expect(summary).toMatchObject({ name: text, description, tags: [text.slice(0, 40)] });

    const fetched = (await (
      await api(server().url, `/api/pipelines/${summary.id}`, { cookie: owner.cookie })
    ).json()) as PipelineSummary;
    expect(fetched).toMatchObject({ name: text, description, tags: [text.slice(0, 40)] });

    const searched = (await (
      await api(
        server().url,
        `/api/pipelines?q=${encodeURIComponent(text)}&tag=${encodeURIComponent(text.slice(0, 40))}`,
        {
          cookie: owner.cookie,
        },
      )
    ).json()) as Page<PipelineSummary>;
    expect(searched.items.map((p) => p.id)).toContain(summary.id);
    expect((await snapshot()).counts.users).toBeGreaterThan(0); // the users table survived
  });
});

describe('sessions and request origin', () => {
  const forged = 'dominoml_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

  test('a forged cookie → 401 on every protected route, nothing changed', async () => {
    await expectRefused(
      () => api(server().url, '/api/pipelines', { body: { name: 'x' }, cookie: forged }),
      401,
      'unauthenticated',
    );
    await expectRefused(
      () =>
        api(server().url, `/api/pipelines/${pipeline.id}`, {
          method: 'PATCH',
          body: { name: 'pwned' },
          cookie: forged,
        }),
      401,
      'unauthenticated',
    );
    await expectRefused(
      () => api(server().url, `/api/pipelines/${pipeline.id}`, { method: 'DELETE', cookie: forged }),
      401,
      'unauthenticated',
    );
  });

  test.each([
    ['a cross-site Origin', { origin: 'https://evil.example' }],
    ['an Origin on another port of this host', { origin: 'http://127.0.0.1:1' }],
    ['the opaque "null" Origin', { origin: 'null' }],
    ['no Origin at all', { origin: '' }],
  ])('%s on state-changing requests → 403 forbidden, even with a valid cookie', async (_, headers) => {
    const requests: [string, string, unknown][] = [
      ['POST', '/api/auth/register', validRegistration()],
      ['POST', '/api/auth/login', { login: owner.user.username, password: 'correct horse battery staple' }],
      ['POST', '/api/auth/logout', {}],
      ['POST', '/api/pipelines', { name: 'csrf' }],
      ['PATCH', `/api/pipelines/${pipeline.id}`, { name: 'csrf' }],
      ['DELETE', `/api/pipelines/${pipeline.id}`, undefined],
      ['PUT', `/api/pipelines/${pipeline.id}/members`, { username: owner.user.username, role: 'viewer' }],
    ];
    for (const [method, path, body] of requests) {
      await expectRefused(
        () =>
          rawRequest(path, {
            method,
            headers,
            cookie: owner.cookie,
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        403,
        'forbidden',
      );
    }
    // The session survived the refused logout.
    expect((await api(server().url, '/api/auth/me', { cookie: owner.cookie })).status).toBe(200);
  });

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'content-type "%s" → 415 unsupported_media_type',
    async (contentType) => {
      const body = JSON.stringify({ name: 'sneaky' });
      await expectRefused(
        () =>
          rawRequest('/api/pipelines', {
            body,
            headers: { 'content-type': contentType },
            cookie: owner.cookie,
          }),
        415,
        'unsupported_media_type',
      );
      await expectRefused(
        () =>
          rawRequest('/api/auth/register', {
            body: JSON.stringify(validRegistration()),
            headers: { 'content-type': contentType },
          }),
        415,
        'unsupported_media_type',
      );
    },
  );
});

describe('unknown routes', () => {
  test('an unknown API path answers a JSON 404', async () => {
    const response = await api(server().url, '/api/nope', { cookie: owner.cookie });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiErrorBody).error.code).toBe('not_found');
  });
});
