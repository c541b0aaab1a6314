/**
 * Who may do what: every role (and outsiders, and anonymous callers) against every pipeline
 * endpoint, with the exact status expected, and proof that refused requests changed nothing and
 * that outsiders never see a pipeline's data.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Member, Page, PipelineSummary } from '../../shared/api/types.ts';
import { addMember, api, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();

type Caller = 'owner' | 'editor' | 'commenter' | 'viewer' | 'outsider' | 'anonymous';
type Endpoint =
  | 'list'
  | 'read'
  | 'list members'
  | 'patch'
  | 'invite member'
  | 'change member role'
  | 'remove member'
  | 'delete';

/** In the order they run: the destructive ones last. */
const EXPECTED: Record<Caller, Record<Endpoint, number>> = {
  owner: {
    list: 200,
    read: 200,
    'list members': 200,
    patch: 200,
    'invite member': 200,
    'change member role': 200,
    'remove member': 204,
    delete: 204,
  },
  editor: {
    list: 200,
    read: 200,
    'list members': 200,
    patch: 200,
    'invite member': 403,
    'change member role': 403,
    'remove member': 403,
    delete: 403,
  },
  commenter: {
    list: 200,
    read: 200,
    'list members': 200,
    patch: 403,
    'invite member': 403,
    'change member role': 403,
    'remove member': 403,
    delete: 403,
  },
  viewer: {
    list: 200,
    read: 200,
    'list members': 200,
    patch: 403,
    'invite member': 403,
    'change member role': 403,
    'remove member': 403,
    delete: 403,
  },
  outsider: {
    list: 200,
    read: 404,
    'list members': 404,
    patch: 404,
    'invite member': 404,
    'change member role': 404,
    'remove member': 404,
    delete: 404,
  },
  anonymous: {
    list: 401,
    read: 401,
    'list members': 401,
    patch: 401,
    'invite member': 401,
    'change member role': 401,
    'remove member': 401,
    delete: 401,
  },
};

const PIPELINE_NAME = 'Matrix secret pipeline';
let people: Record<Exclude<Caller, 'anonymous'> | 'target' | 'guest', TestUser>;

beforeAll(async () => {
  const names = ['owner', 'editor', 'commenter', 'viewer', 'outsider', 'target', 'guest'] as const;
  const users = await Promise.all(names.map(() => registerUser(server().url)));
  people = Object.fromEntries(names.map((name, i) => [name, users[i]!])) as typeof people;
});

function request(endpoint: Endpoint, pipelineId: string, cookie: string | undefined): Promise<Response> {
  const base = `/api/pipelines/${pipelineId}`;
  const target = people.target.user.id;
  const send = (method: string, path: string, body?: unknown) =>
    api(server().url, path, { method, body, cookie });
  switch (endpoint) {
    case 'list':
      return send('GET', '/api/pipelines?limit=100');
    case 'read':
      return send('GET', base);
    case 'list members':
      return send('GET', `${base}/members`);
    case 'patch':
      return send('PATCH', base, { name: 'Renamed by someone' });
    case 'invite member':
      return send('PUT', `${base}/members`, { username: people.guest.user.username, role: 'viewer' });
    case 'change member role':
      return send('PUT', `${base}/members/${target}`, { role: 'commenter' });
    case 'remove member':
      return send('DELETE', `${base}/members/${target}`);
    case 'delete':
      return send('DELETE', base);
  }
}

async function state(pipelineId: string) {
  const owner = people.owner.cookie;
  const pipeline = await api(server().url, `/api/pipelines/${pipelineId}`, { cookie: owner });
  const members = await api(server().url, `/api/pipelines/${pipelineId}/members`, { cookie: owner });
  return {
    pipeline: pipeline.status === 200 ? ((await pipeline.json()) as PipelineSummary) : pipeline.status,
    members: members.status === 200 ? ((await members.json()) as Member[]) : members.status,
  };
}

describe.each(Object.keys(EXPECTED) as Caller[])('%s', (caller) => {
  test('gets exactly the allowed statuses on every endpoint', async () => {
    const pipeline = await createPipeline(server().url, people.owner, PIPELINE_NAME);
    await addMember(server().url, people.owner, pipeline.id, people.editor, 'editor');
    await addMember(server().url, people.owner, pipeline.id, people.commenter, 'commenter');
    await addMember(server().url, people.owner, pipeline.id, people.viewer, 'viewer');
    await addMember(server().url, people.owner, pipeline.id, people.target, 'viewer');
    const before = await state(pipeline.id);
    const cookie = caller === 'anonymous' ? undefined : people[caller].cookie;

    const observed: Partial<Record<Endpoint, number>> = {};
    for (const endpoint of Object.keys(EXPECTED[caller]) as Endpoint[]) {
      const response = await request(endpoint, pipeline.id, cookie);
      observed[endpoint] = response.status;
      const text = await response.text();
      if (caller === 'outsider' || caller === 'anonymous') {
        // Not the name, not the id, not who is on it.
        expect(text).not.toContain(PIPELINE_NAME);
        expect(text).not.toContain(pipeline.id);
        expect(text).not.toContain(people.target.user.username);
      }
      if (endpoint === 'list' && response.status === 200) {
        const listed = (JSON.parse(text) as Page<PipelineSummary>).items.find((p) => p.id === pipeline.id);
        if (caller === 'outsider') expect(listed).toBeUndefined();
        else expect(listed?.role).toBe(caller);
      }
      if (endpoint === 'read' && response.status === 200) {
        expect((JSON.parse(text) as PipelineSummary).role).toBe(caller);
      }
    }
    expect(observed).toEqual(EXPECTED[caller]);

    const after = await state(pipeline.id);
    if (caller === 'owner') {
      expect(after).toEqual({ pipeline: 404, members: 404 });
    } else if (caller === 'editor') {
      // Only the rename went through.
      expect(after.members).toEqual(before.members);
      expect(after.pipeline).toMatchObject({ name: 'Renamed by someone' });
    } else {
      expect(after).toEqual(before);
    }
  });
});
