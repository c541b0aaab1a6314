/** Pipelines over HTTP: create, read, change, delete; listing with search, tag filter and pages. */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { pipelineMembers, pipelines } from '../../server/db/schema.ts';
import type { ApiErrorBody, Page, PipelineSummary } from '../../shared/api/types.ts';
import { api, registerUser, type TestUser } from './helpers/accounts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();

async function create(user: TestUser, body: Record<string, unknown>): Promise<PipelineSummary> {
  const response = await api(server().url, '/api/pipelines', { body, cookie: user.cookie });
  expect(response.status).toBe(201);
  return (await response.json()) as PipelineSummary;
}

async function list(user: TestUser, query = ''): Promise<Page<PipelineSummary>> {
  const response = await api(server().url, `/api/pipelines${query}`, { cookie: user.cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as Page<PipelineSummary>;
}

describe('create, read, change, delete', () => {
  let alice: TestUser;
  beforeAll(async () => {
    alice = await registerUser(server().url);
  });

  test('POST creates the pipeline with its creator as owner, in one step', async () => {
    const summary = await create(alice, {
      name: 'Churn model',
      description: 'Predicts churn',
      tags: ['ml', 'ml', 'tabular'],
    });
    expect(summary).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Churn model',
      description: 'Predicts churn',
      tags: ['ml', 'tabular'], // duplicates dropped, order kept
      ownerId: alice.user.id,
      ownerUsername: alice.user.username,
      role: 'owner',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const members = await server()
      .context.database.db.select()
      .from(pipelineMembers)
      .where(eq(pipelineMembers.pipelineId, summary.id));
    expect(members.map((m) => [m.userId, m.role])).toEqual([[alice.user.id, 'owner']]);

    const fetched = await api(server().url, `/api/pipelines/${summary.id}`, { cookie: alice.cookie });
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(summary);
  });

  test('description and tags default to empty', async () => {
    const summary = await create(alice, { name: 'Bare' });
    expect(summary).toMatchObject({ description: '', tags: [] });
  });

  test('PATCH changes only the given fields and bumps updated_at', async () => {
    const summary = await create(alice, { name: 'Before', description: 'kept', tags: ['a'] });
    const past = new Date(Date.now() - 60_000);
    await server()
      .context.database.db.update(pipelines)
      .set({ updatedAt: past })
      .where(eq(pipelines.id, summary.id));

    const response = await api(server().url, `/api/pipelines/${summary.id}`, {
      method: 'PATCH',
      body: { name: 'After', tags: ['b', 'c'] },
      cookie: alice.cookie,
    });
    expect(response.status).toBe(200);
    const patched = (await response.json()) as PipelineSummary;
    expect(patched).toMatchObject({ id: summary.id, name: 'After', description: 'kept', tags: ['b', 'c'] });
    expect(patched.createdAt).toBe(summary.createdAt);
    expect(new Date(patched.updatedAt).getTime()).toBeGreaterThan(past.getTime());
  });

  test('DELETE removes the pipeline and its memberships', async () => {
    const summary = await create(alice, { name: 'Doomed' });
    const response = await api(server().url, `/api/pipelines/${summary.id}`, {
      method: 'DELETE',
      cookie: alice.cookie,
    });
    expect(response.status).toBe(204);
    expect((await api(server().url, `/api/pipelines/${summary.id}`, { cookie: alice.cookie })).status).toBe(
      404,
    );
    const left = await server()
      .context.database.db.select()
      .from(pipelineMembers)
      .where(eq(pipelineMembers.pipelineId, summary.id));
    expect(left).toEqual([]);
  });

  test.each([
    'not-a-uuid',
    '1',
    "'%20OR%201=1--",
    '00000000-0000-0000-0000-00000000000g',
    '123e4567-e89b-12d3-a456-426614174000', // well-formed, but no such pipeline
  ])('id %s → 404 not_found on GET, PATCH, DELETE and members (never a 500)', async (id) => {
    const requests: [string, string, unknown][] = [
      ['GET', `/api/pipelines/${id}`, undefined],
      ['PATCH', `/api/pipelines/${id}`, { name: 'x' }],
      ['DELETE', `/api/pipelines/${id}`, undefined],
      ['GET', `/api/pipelines/${id}/members`, undefined],
      ['PUT', `/api/pipelines/${id}/members`, { username: alice.user.username, role: 'viewer' }],
      ['DELETE', `/api/pipelines/${id}/members/${alice.user.id}`, undefined],
    ];
    for (const [method, path, body] of requests) {
      const response = await api(server().url, path, { method, body, cookie: alice.cookie });
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(((await response.json()) as ApiErrorBody).error).toEqual({
        code: 'not_found',
        message: 'Pipeline not found',
      });
    }
  });

  test('anonymous requests → 401 on every pipeline route', async () => {
    const summary = await create(alice, { name: 'Private' });
    for (const [method, path] of [
      ['GET', '/api/pipelines'],
      ['POST', '/api/pipelines'],
      ['GET', `/api/pipelines/${summary.id}`],
      ['PATCH', `/api/pipelines/${summary.id}`],
      ['DELETE', `/api/pipelines/${summary.id}`],
      ['GET', `/api/pipelines/${summary.id}/members`],
    ] as const) {
      const response = await api(server().url, path, {
        method,
        body: method === 'GET' ? undefined : { name: 'x' },
      });
      expect([method, path, response.status]).toEqual([method, path, 401]);
      expect(await response.text()).not.toContain('Private');
    }
  });
});

describe('listing', () => {
  let lister: TestUser;
  let stranger: TestUser;
  const PAGE_COUNT = 25;

  beforeAll(async () => {
    lister = await registerUser(server().url);
    stranger = await registerUser(server().url);
    // Created one after another: each later one has a later updated_at.
    for (let i = 0; i < PAGE_COUNT; i++) {
      await create(lister, {
        name: `Numbered ${String(i).padStart(2, '0')}`,
        tags: i % 5 === 0 ? ['fives'] : [],
      });
    }
    for (const name of ['100% sure', 'a_b model', 'back\\slash', 'plain abc', 'MiXeD CaSe']) {
      await create(lister, { name, tags: ['special'] });
    }
    await create(stranger, { name: 'Numbered stranger', tags: ['fives', 'special'] });
  });

  test('lists only pipelines the caller is a member of, newest change first, with the total', async () => {
    const page = await list(lister, '?limit=100');
    expect(page.total).toBe(PAGE_COUNT + 5);
    expect(page.items).toHaveLength(PAGE_COUNT + 5);
    expect(page.items.map((p) => p.name)).not.toContain('Numbered stranger');
    const times = page.items.map((p) => new Date(p.updatedAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.items[0]!.name).toBe('MiXeD CaSe');
    expect(page.items.every((p) => p.role === 'owner')).toBe(true);

    const strangers = await list(stranger);
    expect(strangers.items.map((p) => p.name)).toEqual(['Numbered stranger']);
  });

  test('a pipeline just changed moves to the top', async () => {
    const bottom = (await list(lister, '?limit=100')).items.at(-1)!;
    await api(server().url, `/api/pipelines/${bottom.id}`, {
      method: 'PATCH',
      body: { description: 'touched' },
      cookie: lister.cookie,
    });
    expect((await list(lister, '?limit=1')).items[0]!.id).toBe(bottom.id);
  });

  test('pages with limit and offset neither overlap nor skip, and the default page size is 20', async () => {
    const all = (await list(lister, '?q=numbered&limit=100')).items.map((p) => p.id);
    expect(all).toHaveLength(PAGE_COUNT);
    const pages = [
      await list(lister, '?q=numbered&limit=10'),
      await list(lister, '?q=numbered&limit=10&offset=10'),
    ];
    pages.push(await list(lister, '?q=numbered&limit=10&offset=20'));
    expect(pages.map((p) => [p.items.length, p.total, p.limit, p.offset])).toEqual([
      [10, PAGE_COUNT, 10, 0],
      [10, PAGE_COUNT, 10, 10],
      [5, PAGE_COUNT, 10, 20],
    ]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all);

    const beyond = await list(lister, '?q=numbered&offset=500');
    expect(beyond).toEqual({ items: [], total: PAGE_COUNT, limit: 20, offset: 500 });
    expect((await list(lister)).items).toHaveLength(20);
  });

  test.each([
    ['mixed', ['MiXeD CaSe']],
    ['MIXED case', ['MiXeD CaSe']],
    ['%', ['100% sure']],
    ['_', ['a_b model']],
    ['\\', ['back\\slash']],
    ['a_b', ['a_b model']],
    ['abc', ['plain abc']],
    ['  abc  ', ['plain abc']],
    ['nothing like this', []],
  ])('q=%s is a case-insensitive substring match, wildcards taken literally', async (q, names) => {
    const page = await list(lister, `?q=${encodeURIComponent(q)}&tag=special`);
    expect(page.items.map((p) => p.name).sort()).toEqual([...names].sort());
    expect(page.total).toBe(names.length);
  });

  test('tag filters exactly, alone or with q', async () => {
    const fives = await list(lister, '?tag=fives');
    expect(fives.items.map((p) => p.name).sort()).toEqual([
      'Numbered 00',
      'Numbered 05',
      'Numbered 10',
      'Numbered 15',
      'Numbered 20',
    ]);
    expect((await list(lister, '?tag=five')).total).toBe(0);
    expect((await list(lister, '?tag=fives&q=15')).items.map((p) => p.name)).toEqual(['Numbered 15']);
  });

  test('an empty q means no search', async () => {
    expect((await list(lister, '?q=&limit=1')).total).toBe(PAGE_COUNT + 5);
  });

  test('search does not reach pipelines of others, even with wildcards', async () => {
    const page = await list(stranger, `?q=${encodeURIComponent('%')}`);
    expect(page.items).toEqual([]);
    const count = await server()
      .context.database.db.select({ n: sql<number>`count(*)::int` })
      .from(pipelines);
    expect(count[0]!.n).toBeGreaterThan(PAGE_COUNT); // they exist; the stranger just cannot see them
  });
});
