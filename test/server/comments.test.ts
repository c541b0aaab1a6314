/**
 * Comment threads on versions: posting (whole version, node, parameter), replies, resolve and
 * reopen, edit and soft delete with their role rules, "outdated" pins, bad input refused with
 * nothing changed, and live notifications to a connected commenter.
 */
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { comments } from '../../server/db/schema.ts';
import { parseRecordNotification, type RecordNotification } from '../../shared/api/notifications.ts';
import { VERSION_LIMITS } from '../../shared/api/schemas.ts';
import type { VersionComment, VersionSummary } from '../../shared/api/types.ts';
import { deleteNodes, setParam } from '../../shared/doc/index.ts';
import { addMember, api, registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import {
  createTemplatePipeline,
  editLive,
  getVersion,
  json,
  LOGISTIC_REGRESSION,
  listComments,
  nodeIdOf,
  postComment,
  STANDARD_SCALER,
  saveVersion,
  TEST_EDITOR,
} from './helpers/versions.ts';

const server = useSuiteServer();
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  [owner, editor, commenter, viewer] = await Promise.all(
    Array.from({ length: 4 }, () => registerUser(server().url)),
  );
});

/** A template pipeline with one saved version, and everyone on it. */
async function versionToDiscuss() {
  const url = server().url;
  const pipeline = await createTemplatePipeline(url, owner, 'Discussed pipeline');
  await addMember(url, owner, pipeline.id, editor, 'editor');
  await addMember(url, owner, pipeline.id, commenter, 'commenter');
  await addMember(url, owner, pipeline.id, viewer, 'viewer');
  const version = await saveVersion(url, editor, pipeline.id, { name: 'For review' });
  const graph = (await getVersion(url, owner, version.id)).graph;
  return {
    pipeline,
    version,
    model: nodeIdOf(graph, LOGISTIC_REGRESSION),
    scaler: nodeIdOf(graph, STANDARD_SCALER),
  };
}

const patch = (user: TestUser, id: string, body: unknown) =>
  api(server().url, `/api/comments/${id}`, { method: 'PATCH', body, cookie: user.cookie });
const remove = (user: TestUser, id: string) =>
  api(server().url, `/api/comments/${id}`, { method: 'DELETE', cookie: user.cookie });

async function commentCount(): Promise<number> {
  const [row] = await server().context.database.db.select({ n: count() }).from(comments);
  return row?.n ?? 0;
}

async function summary(versionId: string): Promise<VersionSummary> {
  return getVersion(server().url, owner, versionId);
}

describe('threads', () => {
  test('roots on the version, a node and a parameter; replies take their root’s anchor; server sets author and time', async () => {
    const { version, model } = await versionToDiscuss();
    const url = server().url;
    const general = await postComment(url, commenter, version.id, { body: 'Looks good overall' });
    const pinned = await postComment(url, commenter, version.id, {
      body: 'Why **200**?',
      nodeId: model,
      param: 'max_iter',
      // Not the server's to take from a client: ignored.
      author: { id: owner.user.id, username: 'owner' },
      createdAt: '2000-01-01T00:00:00.000Z',
    } as never);
    const reply = await postComment(url, editor, version.id, { body: 'It converges', parentId: pinned.id });

    expect(general).toMatchObject({
      nodeId: null,
      param: null,
      parentId: null,
      resolved: false,
      deleted: false,
    });
    expect(pinned).toMatchObject({
      versionId: version.id,
      nodeId: model,
      param: 'max_iter',
      author: { id: commenter.user.id, username: commenter.user.username },
      editedAt: null,
      outdated: false,
    });
    expect(Date.now() - Date.parse(pinned.createdAt)).toBeLessThan(60_000);
    expect(reply).toMatchObject({ parentId: pinned.id, nodeId: model, param: 'max_iter' });

    const list = await listComments(url, viewer, version.id);
    expect(list.comments.map((c) => c.id)).toEqual([general.id, pinned.id, reply.id]);
    expect(list.relativeTo).toBeNull();
    expect((await summary(version.id)).comments).toEqual({ total: 3, openThreads: 2 });
  });

  test('Markdown is stored verbatim, script and all (the client sanitizes when rendering)', async () => {
    const { version } = await versionToDiscuss();
    const body =
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))\n\n  indented';
    const posted = await postComment(server().url, commenter, version.id, { body });
    expect(posted.body).toBe(body);
    expect((await listComments(server().url, owner, version.id)).comments[0]!.body).toBe(body);
  });

  test('any commenter resolves and reopens a thread; viewers cannot; replies are not threads', async () => {
    const { version } = await versionToDiscuss();
    const root = await postComment(server().url, editor, version.id, { body: 'Root' });
    const reply = await postComment(server().url, owner, version.id, { body: 'Reply', parentId: root.id });

    const resolved = await json<VersionComment>(await patch(commenter, root.id, { resolved: true }), 200);
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: { id: commenter.user.id }, editedAt: null });
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await summary(version.id)).comments).toEqual({ total: 2, openThreads: 0 });

    expect((await patch(viewer, root.id, { resolved: false })).status).toBe(403);
    const onReply = await patch(owner, reply.id, { resolved: true });
    expect(onReply.status).toBe(400);

    const reopened = await json<VersionComment>(await patch(editor, root.id, { resolved: false }), 200);
    expect(reopened).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  test('only the author edits a body; an edit is marked', async () => {
    const { version } = await versionToDiscuss();
    const mine = await postComment(server().url, commenter, version.id, { body: 'Frist' });
    for (const other of [owner, editor, viewer]) {
      expect((await patch(other, mine.id, { body: 'Hijacked' })).status).toBe(403);
    }
    const edited = await json<VersionComment>(await patch(commenter, mine.id, { body: 'First' }), 200);
    expect(edited.body).toBe('First');
    expect(edited.editedAt).not.toBeNull();
    expect((await patch(commenter, mine.id, {})).status).toBe(400);
  });

  test('deleting is soft: the thread keeps its replies; author or owner only; twice is fine; a deleted comment cannot change', async () => {
    const { version } = await versionToDiscuss();
    const root = await postComment(server().url, commenter, version.id, { body: 'Secret words' });
    const reply = await postComment(server().url, editor, version.id, { body: 'A reply', parentId: root.id });
    expect((await remove(editor, root.id)).status).toBe(403);
    expect((await remove(viewer, root.id)).status).toBe(403);
    expect((await remove(commenter, root.id)).status).toBe(204);
    expect((await remove(commenter, root.id)).status).toBe(204);
    expect((await remove(owner, reply.id)).status).toBe(204); // owners moderate

    const list = await listComments(server().url, viewer, version.id);
    expect(list.comments.map((c) => [c.id, c.deleted, c.body, c.parentId])).toEqual([
      [root.id, true, '', null],
      [reply.id, true, '', root.id],
    ]);
    expect(JSON.stringify(list)).not.toContain('Secret words');
    expect((await patch(commenter, root.id, { body: 'Back' })).status).toBe(409);
    expect((await summary(version.id)).comments).toEqual({ total: 0, openThreads: 0 });
  });
});

describe('bad input', () => {
  test('unknown node, unknown parameter, reply to a reply or to another version, 10,001 characters: 400 and nothing saved', async () => {
    const { version, model } = await versionToDiscuss();
    const other = await versionToDiscuss();
    const root = await postComment(server().url, commenter, version.id, { body: 'Root' });
    const reply = await postComment(server().url, commenter, version.id, {
      body: 'Reply',
      parentId: root.id,
    });
    const foreignRoot = await postComment(server().url, commenter, other.version.id, { body: 'Elsewhere' });
    const before = await commentCount();

    const cases: [unknown, string][] = [
      [{ body: 'x', nodeId: 'no-such-node' }, 'nodeId'],
      [{ body: 'x', nodeId: model, param: 'no_such_param' }, 'param'],
      [{ body: 'x', param: 'max_iter' }, 'param'],
      [{ body: 'x', parentId: reply.id }, 'parentId'],
      [{ body: 'x', parentId: foreignRoot.id }, 'parentId'],
      [{ body: 'x', parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId'],
      [{ body: 'x', parentId: root.id, nodeId: model }, 'nodeId'],
      [{ body: 'x'.repeat(VERSION_LIMITS.commentBodyMax + 1) }, 'body'],
      [{ body: '   \n ' }, 'body'],
      [{ body: 42 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await api(server().url, `/api/versions/${version.id}/comments`, {
        body,
        cookie: commenter.cookie,
      });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(
        Object.keys((JSON.parse(text) as { error: { fields?: object } }).error.fields ?? {}),
        text,
      ).toContain(field);
    }
    expect(await commentCount()).toBe(before);
    await postComment(server().url, commenter, version.id, {
      body: 'y'.repeat(VERSION_LIMITS.commentBodyMax),
    });
  });
});

describe('outdated pins', () => {
  test('a later version that changes or removes the node marks its comments outdated; parameter pins only for that parameter', async () => {
    const url = server().url;
    const { pipeline, version, model, scaler } = await versionToDiscuss();
    const onNode = await postComment(url, commenter, version.id, { body: 'node', nodeId: model });
    const onIterations = await postComment(url, commenter, version.id, {
      body: 'iter',
      nodeId: model,
      param: 'max_iter',
    });
    const onC = await postComment(url, commenter, version.id, { body: 'C', nodeId: model, param: 'C' });
    const onScaler = await postComment(url, commenter, version.id, { body: 'scaler', nodeId: scaler });
    const reply = await postComment(url, editor, version.id, { body: 'reply', parentId: onIterations.id });
    const general = await postComment(url, commenter, version.id, { body: 'general' });
    const outdated = async (query = '') =>
      Object.fromEntries(
        (await listComments(url, owner, version.id, query)).comments.map((c) => [c.id, c.outdated]),
      );

    await editLive(server(), pipeline.id, (doc) => setParam(doc, TEST_EDITOR, model, 'max_iter', 1000));
    const later = await saveVersion(url, editor, pipeline.id, { name: 'More iterations' });
    expect(await outdated()).toEqual({
      [onNode.id]: true,
      [onIterations.id]: true,
      [onC.id]: false,
      [onScaler.id]: false,
      [reply.id]: true,
      [general.id]: false,
    });
    const list = await listComments(url, owner, version.id);
    expect(list.relativeTo).toEqual({ kind: 'version', id: later.id, number: 2, name: 'More iterations' });

    // Against the draft, where the scaler is gone too.
    await editLive(server(), pipeline.id, (doc) => deleteNodes(doc, TEST_EDITOR, [scaler]));
    expect((await outdated('?relativeTo=draft'))[onScaler.id]).toBe(true);
    expect((await outdated(`?relativeTo=${version.id}`))[onNode.id]).toBe(false);
    // The newest version's own comments are not outdated by anything yet.
    expect((await listComments(url, owner, later.id)).relativeTo).toBeNull();

    const foreign = await versionToDiscuss();
    const response = await api(url, `/api/versions/${version.id}/comments?relativeTo=${foreign.version.id}`, {
      cookie: owner.cookie,
    });
    expect(response.status).toBe(400);
  });
});

describe('live notifications', () => {
  test('a connected commenter hears about comments others post, resolve and delete', async () => {
    const { pipeline, version } = await versionToDiscuss();
    const listener = connectCollab(server().url, pipeline.id, { cookie: commenter.cookie });
    await listener.synced;
    const heard: RecordNotification[] = [];
    listener.provider.on('stateless', ({ payload }: { payload: string }) => {
      const notification = parseRecordNotification(payload);
      if (notification) heard.push(notification);
    });

    const posted = await postComment(server().url, editor, version.id, { body: 'Live!' });
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]).toEqual({
      type: 'dominoml/record',
      kind: 'comment',
      action: 'created',
      id: posted.id,
      versionId: version.id,
    });
    await json(await patch(owner, posted.id, { resolved: true }), 200);
    await json(await patch(editor, posted.id, { body: 'Live, edited' }), 200);
    expect((await remove(editor, posted.id)).status).toBe(204);
    await expect.poll(() => heard.map((n) => n.action)).toEqual(['created', 'resolved', 'edited', 'deleted']);
  });
});
