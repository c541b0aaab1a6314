/**
 * Who may do what with versions, comments and reviews: every role (and outsiders, and anonymous
 * callers) against every endpoint, with the exact status expected; refused requests change
 * nothing, and outsiders never see a pipeline's versions, comments or reviewers.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { CommentList, Page, VersionReviews, VersionSummary } from '../../shared/api/types.ts';
import { addMember, api, registerUser, type TestUser } from './helpers/accounts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import { createTemplatePipeline, json, postComment, readLiveState, saveVersion } from './helpers/versions.ts';

const server = useSuiteServer();

type Caller = 'owner' | 'editor' | 'commenter' | 'viewer' | 'outsider' | 'anonymous';
const ENDPOINTS = [
  'save version',
  'list versions',
  'read version',
  'compare',
  'add label',
  'remove label',
  'activate',
  'list comments',
  'post comment',
  'resolve thread',
  'edit comment',
  'delete comment',
  'list reviews',
  'request review',
  'decide review',
  'restore',
  'delete version',
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** Per caller, in ENDPOINTS order (the destructive ones last). */
const EXPECTED: Record<Caller, number[]> = {
  //          save list read cmp  +lbl -lbl act  lsC  post res  edit delC lsR  req  dec  rest delV
  owner: /*  */ [201, 200, 200, 200, 201, 204, 200, 200, 201, 200, 200, 204, 200, 200, 403, 200, 204],
  editor: /* */ [201, 200, 200, 200, 201, 204, 200, 200, 201, 200, 403, 403, 200, 200, 200, 200, 204],
  commenter: [403, 200, 200, 200, 403, 403, 403, 200, 201, 200, 403, 204, 200, 403, 200, 403, 403],
  viewer: /* */ [403, 200, 200, 200, 403, 403, 403, 200, 403, 403, 403, 403, 200, 403, 403, 403, 403],
  outsider: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
  anonymous: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
};

const SECRET = 'Matrix secret';
let people: Record<Exclude<Caller, 'anonymous'>, TestUser>;

beforeAll(async () => {
  const names = ['owner', 'editor', 'commenter', 'viewer', 'outsider'] as const;
  const users = await Promise.all(names.map(() => registerUser(server().url)));
  people = Object.fromEntries(names.map((name, i) => [name, users[i]!])) as typeof people;
});

/** A pipeline with two versions, a label, comments by the owner and the commenter, and two reviewers asked. */
async function scene() {
  const url = server().url;
  const { owner, editor, commenter, viewer } = people;
  const pipeline = await createTemplatePipeline(url, owner, `${SECRET} pipeline`);
  await addMember(url, owner, pipeline.id, editor, 'editor');
  await addMember(url, owner, pipeline.id, commenter, 'commenter');
  await addMember(url, owner, pipeline.id, viewer, 'viewer');
  const v1 = await saveVersion(url, owner, pipeline.id, { name: `${SECRET} v1` });
  const v2 = await saveVersion(url, owner, pipeline.id, { name: `${SECRET} v2` });
  await json(
    await api(url, `/api/versions/${v1.id}/labels`, {
      body: { name: 'baseline', color: '#336699' },
      cookie: owner.cookie,
    }),
    201,
  );
  const ownersComment = await postComment(url, owner, v1.id, { body: `${SECRET} comment` });
  const commentersComment = await postComment(url, commenter, v1.id, { body: 'By the commenter' });
  await json(
    await api(url, `/api/versions/${v1.id}/reviews`, {
      body: { reviewers: [editor.user.username, commenter.user.username] },
      cookie: owner.cookie,
    }),
    200,
  );
  return { pipeline, v1, v2, ownersComment, commentersComment };
}

type Scene = Awaited<ReturnType<typeof scene>>;

function request(endpoint: Endpoint, s: Scene, cookie: string | undefined): Promise<Response> {
  const send = (method: string, path: string, body?: unknown) =>
    api(server().url, path, { method, body, cookie });
  const version = `/api/versions/${s.v1.id}`;
  switch (endpoint) {
    case 'save version':
      return send('POST', `/api/pipelines/${s.pipeline.id}/versions`, { name: 'Saved in the matrix' });
    case 'list versions':
      return send('GET', `/api/pipelines/${s.pipeline.id}/versions`);
    case 'read version':
      return send('GET', version);
    case 'compare':
      return send('GET', `/api/versions/compare?a=${s.v1.id}&b=${s.v2.id}`);
    case 'add label':
      return send('POST', `${version}/labels`, { name: 'production', color: '#00ff00' });
    case 'remove label':
      return send('DELETE', `${version}/labels`, { name: 'baseline' });
    case 'activate':
      return send('POST', `${version}/activate`);
    case 'list comments':
      return send('GET', `${version}/comments`);
    case 'post comment':
      return send('POST', `${version}/comments`, { body: 'Posted in the matrix' });
    case 'resolve thread':
      return send('PATCH', `/api/comments/${s.ownersComment.id}`, { resolved: true });
    case 'edit comment':
      return send('PATCH', `/api/comments/${s.ownersComment.id}`, { body: 'Edited in the matrix' });
    case 'delete comment':
      return send('DELETE', `/api/comments/${s.commentersComment.id}`);
    case 'list reviews':
      return send('GET', `${version}/reviews`);
    case 'request review':
      return send('POST', `${version}/reviews`, { reviewers: [people.commenter.user.username] });
    case 'decide review':
      return send('POST', `${version}/reviews/decision`, { decision: 'approved' });
    case 'restore':
      return send('POST', `${version}/restore`);
    case 'delete version':
      return send('DELETE', `/api/versions/${s.v2.id}`);
  }
}

/** Everything the endpoints can change, read as the owner. */
async function state(s: Scene) {
  const get = async (path: string) => (await api(server().url, path, { cookie: people.owner.cookie })).json();
  return {
    versions: (await get(`/api/pipelines/${s.pipeline.id}/versions`)) as Page<VersionSummary>,
    comments: (await get(`/api/versions/${s.v1.id}/comments`)) as CommentList,
    reviews: (await get(`/api/versions/${s.v1.id}/reviews`)) as VersionReviews,
    document: Array.from(await readLiveState(server(), s.pipeline.id)),
  };
}

describe.each(Object.keys(EXPECTED) as Caller[])('%s', (caller) => {
  test('gets exactly the allowed statuses on every versions, comments and reviews endpoint', async () => {
    const s = await scene();
    const before = await state(s);
    const cookie = caller === 'anonymous' ? undefined : people[caller].cookie;
    const observed: Record<string, number> = {};
    for (const endpoint of ENDPOINTS) {
      const response = await request(endpoint, s, cookie);
      observed[endpoint] = response.status;
      const text = await response.text();
      if (caller === 'outsider' || caller === 'anonymous') {
        for (const secret of [SECRET, s.pipeline.id, people.commenter.user.username]) {
          expect(text, `${endpoint} leaked ${secret}`).not.toContain(secret);
        }
      }
    }
    const expected = Object.fromEntries(ENDPOINTS.map((endpoint, i) => [endpoint, EXPECTED[caller][i]]));
    expect(observed).toEqual(expected);

    const after = await state(s);
    if (caller === 'viewer' || caller === 'outsider' || caller === 'anonymous') {
      expect(after).toEqual(before);
    } else {
      expect(after).not.toEqual(before);
    }
  });
});
