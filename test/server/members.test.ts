/** Pipeline members: listing, inviting by username, role changes, removal and leaving, and the last-owner rule. */
import { describe, expect, test } from 'vitest';
import type { ApiErrorBody, Member, PipelineSummary } from '../../shared/api/types.ts';
import { addMember, api, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();

const membersPath = (pipelineId: string, userId?: string) =>
  `/api/pipelines/${pipelineId}/members${userId ? `/${userId}` : ''}`;

async function members(pipelineId: string, as: TestUser): Promise<Member[]> {
  const response = await api(server().url, membersPath(pipelineId), { cookie: as.cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as Member[];
}

function setRole(pipelineId: string, as: TestUser, userId: string, role: string) {
  return api(server().url, membersPath(pipelineId, userId), {
    method: 'PUT',
    body: { role },
    cookie: as.cookie,
  });
}

function remove(pipelineId: string, as: TestUser, userId: string) {
  return api(server().url, membersPath(pipelineId, userId), { method: 'DELETE', cookie: as.cookie });
}

async function errorOf(response: Response): Promise<ApiErrorBody['error']> {
  return ((await response.json()) as ApiErrorBody).error;
}

async function team() {
  const [owner, editor, viewer] = await Promise.all([
    registerUser(server().url),
    registerUser(server().url),
    registerUser(server().url),
  ]);
  const pipeline = await createPipeline(server().url, owner!);
  await addMember(server().url, owner!, pipeline.id, editor!, 'editor');
  await addMember(server().url, owner!, pipeline.id, viewer!, 'viewer');
  return { owner: owner!, editor: editor!, viewer: viewer!, pipeline };
}

describe('listing and inviting', () => {
  test('members are listed highest role first, visible to every member', async () => {
    const { owner, editor, viewer, pipeline } = await team();
    const expected: Member[] = [
      { userId: owner.user.id, username: owner.user.username, role: 'owner' },
      { userId: editor.user.id, username: editor.user.username, role: 'editor' },
      { userId: viewer.user.id, username: viewer.user.username, role: 'viewer' },
    ];
    expect(await members(pipeline.id, owner)).toEqual(expected);
    expect(await members(pipeline.id, viewer)).toEqual(expected);
  });

  test('inviting by username ignores case and answers the new member; the pipeline appears in their list', async () => {
    const { owner, pipeline } = await team();
    const newcomer = await registerUser(server().url);
    const response = await api(server().url, membersPath(pipeline.id), {
      method: 'PUT',
      body: { username: newcomer.user.username.toUpperCase(), role: 'commenter' },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: newcomer.user.id,
      username: newcomer.user.username,
      role: 'commenter',
    });

    const listed = await api(server().url, '/api/pipelines', { cookie: newcomer.cookie });
    const items = ((await listed.json()) as { items: PipelineSummary[] }).items;
    expect(items.map((p) => [p.id, p.role])).toEqual([[pipeline.id, 'commenter']]);
  });

  test('inviting an existing member by username changes their role', async () => {
    const { owner, viewer, pipeline } = await team();
    const response = await api(server().url, membersPath(pipeline.id), {
      method: 'PUT',
      body: { username: viewer.user.username, role: 'editor' },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(200);
    expect((await members(pipeline.id, owner)).find((m) => m.userId === viewer.user.id)?.role).toBe('editor');
  });

  test('an unknown username → 404 naming it, and nobody is added', async () => {
    const { owner, pipeline } = await team();
    const before = await members(pipeline.id, owner);
    const response = await api(server().url, membersPath(pipeline.id), {
      method: 'PUT',
      body: { username: 'no-such-person', role: 'viewer' },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({
      code: 'not_found',
      message: 'There is no user named "no-such-person"',
    });
    expect(await members(pipeline.id, owner)).toEqual(before);
  });

  test('an unknown role or a missing username → 400', async () => {
    const { owner, editor, pipeline } = await team();
    const badRole = await api(server().url, membersPath(pipeline.id), {
      method: 'PUT',
      body: { username: editor.user.username, role: 'admin' },
      cookie: owner.cookie,
    });
    expect(badRole.status).toBe(400);
    expect((await setRole(pipeline.id, owner, editor.user.id, 'superuser')).status).toBe(400);
    const noName = await api(server().url, membersPath(pipeline.id), {
      method: 'PUT',
      body: { role: 'viewer' },
      cookie: owner.cookie,
    });
    expect(noName.status).toBe(400);
  });
});

describe('changing roles and removing', () => {
  test('the owner changes a role by user id', async () => {
    const { owner, viewer, pipeline } = await team();
    const response = await setRole(pipeline.id, owner, viewer.user.id, 'commenter');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: viewer.user.id,
      username: viewer.user.username,
      role: 'commenter',
    });
  });

  test('changing the role of someone who is not a member → 404, and they are not added', async () => {
    const { owner, pipeline } = await team();
    const stranger = await registerUser(server().url);
    const response = await setRole(pipeline.id, owner, stranger.user.id, 'viewer');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toBe('That user is not a member of this pipeline');
    expect((await members(pipeline.id, owner)).map((m) => m.userId)).not.toContain(stranger.user.id);
    expect((await setRole(pipeline.id, owner, 'not-a-uuid', 'viewer')).status).toBe(404);
    expect((await remove(pipeline.id, owner, 'not-a-uuid')).status).toBe(404);
    expect((await remove(pipeline.id, owner, stranger.user.id)).status).toBe(404);
  });

  test('the owner removes a member, who then cannot see the pipeline', async () => {
    const { owner, editor, pipeline } = await team();
    expect((await remove(pipeline.id, owner, editor.user.id)).status).toBe(204);
    expect((await members(pipeline.id, owner)).map((m) => m.userId)).not.toContain(editor.user.id);
    expect((await api(server().url, `/api/pipelines/${pipeline.id}`, { cookie: editor.cookie })).status).toBe(
      404,
    );
  });

  test('any member may leave; leaving is not removing others', async () => {
    const { owner, editor, viewer, pipeline } = await team();
    expect((await remove(pipeline.id, viewer, editor.user.id)).status).toBe(403);
    expect((await remove(pipeline.id, viewer, viewer.user.id)).status).toBe(204);
    expect((await api(server().url, `/api/pipelines/${pipeline.id}`, { cookie: viewer.cookie })).status).toBe(
      404,
    );
    expect((await remove(pipeline.id, editor, editor.user.id)).status).toBe(204);
    expect(await members(pipeline.id, owner)).toEqual([
      { userId: owner.user.id, username: owner.user.username, role: 'owner' },
    ]);
  });
});

describe('a pipeline always keeps an owner', () => {
  test('the last owner can neither demote themselves nor leave (409), and nothing changes', async () => {
    const { owner, pipeline } = await team();
    const before = await members(pipeline.id, owner);
    const demote = await setRole(pipeline.id, owner, owner.user.id, 'editor');
    expect(demote.status).toBe(409);
    expect((await errorOf(demote)).code).toBe('conflict');
    const leave = await remove(pipeline.id, owner, owner.user.id);
    expect(leave.status).toBe(409);
    expect(await members(pipeline.id, owner)).toEqual(before);
  });

  test('with a second owner, the creator may leave and the other owner is shown as owner', async () => {
    const { owner, editor, pipeline } = await team();
    expect((await setRole(pipeline.id, owner, editor.user.id, 'owner')).status).toBe(200);
    expect((await remove(pipeline.id, owner, owner.user.id)).status).toBe(204);
    const summary = (await (
      await api(server().url, `/api/pipelines/${pipeline.id}`, { cookie: editor.cookie })
    ).json()) as PipelineSummary;
    expect(summary).toMatchObject({
      ownerId: editor.user.id,
      ownerUsername: editor.user.username,
      role: 'owner',
    });
    // Now the new owner is the last one.
    expect((await remove(pipeline.id, editor, editor.user.id)).status).toBe(409);
  });

  test('a demoted creator hands the owner shown in lists over to the remaining owner', async () => {
    const { owner, viewer, pipeline } = await team();
    expect((await setRole(pipeline.id, owner, viewer.user.id, 'owner')).status).toBe(200);
    expect((await setRole(pipeline.id, owner, owner.user.id, 'editor')).status).toBe(200);
    const summary = (await (
      await api(server().url, `/api/pipelines/${pipeline.id}`, { cookie: owner.cookie })
    ).json()) as PipelineSummary;
    expect(summary).toMatchObject({ ownerId: viewer.user.id, role: 'editor' });
    // The former owner has lost owner rights.
    expect((await setRole(pipeline.id, owner, owner.user.id, 'owner')).status).toBe(403);
  });

  test('two owners demoting each other at the same moment: one wins, one owner remains', async () => {
    for (let round = 0; round < 3; round++) {
      const { owner, editor, pipeline } = await team();
      expect((await setRole(pipeline.id, owner, editor.user.id, 'owner')).status).toBe(200);
      const [a, b] = await Promise.all([
        setRole(pipeline.id, owner, editor.user.id, 'viewer'),
        setRole(pipeline.id, editor, owner.user.id, 'viewer'),
      ]);
      // Serialized by the row lock, the second change finds either that its author is no longer an
      // owner (403) or that it would remove the last owner (409).
      const statuses = [a.status, b.status];
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.find((s) => s !== 200)).toBeOneOf([403, 409]);
      const owners = (await members(pipeline.id, a.status === 200 ? owner : editor)).filter(
        (m) => m.role === 'owner',
      );
      expect(owners).toHaveLength(1);
    }
  });

  test('two owners leaving at the same moment: exactly one leaves', async () => {
    const { owner, editor, pipeline } = await team();
    expect((await setRole(pipeline.id, owner, editor.user.id, 'owner')).status).toBe(200);
    const statuses = (
      await Promise.all([
        remove(pipeline.id, owner, owner.user.id),
        remove(pipeline.id, editor, editor.user.id),
      ])
    ).map((r) => r.status);
    expect(statuses.sort()).toEqual([204, 409]);
  });
});
