/**
 * Review requests: editors ask members (commenter or higher) to review a version; only those asked
 * decide; the version's review state follows; bad reviewers are refused with nothing changed;
 * connected people hear about requests and decisions.
 */
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { reviewRequests } from '../../server/db/schema.ts';
import { parseRecordNotification, type RecordNotification } from '../../shared/api/notifications.ts';
import type { VersionReviews } from '../../shared/api/types.ts';
import { addMember, api, registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import { createTemplatePipeline, getVersion, json, saveVersion } from './helpers/versions.ts';

const server = useSuiteServer();
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let secondCommenter: TestUser;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  [owner, editor, commenter, secondCommenter, viewer, outsider] = await Promise.all(
    Array.from({ length: 6 }, () => registerUser(server().url)),
  );
});

async function versionForReview() {
  const url = server().url;
  const pipeline = await createTemplatePipeline(url, owner, 'Reviewed pipeline');
  await addMember(url, owner, pipeline.id, editor, 'editor');
  await addMember(url, owner, pipeline.id, commenter, 'commenter');
  await addMember(url, owner, pipeline.id, secondCommenter, 'commenter');
  await addMember(url, owner, pipeline.id, viewer, 'viewer');
  const version = await saveVersion(url, editor, pipeline.id, { name: 'Please review' });
  return { pipeline, version };
}

const ask = (user: TestUser, versionId: string, reviewers: string[]) =>
  api(server().url, `/api/versions/${versionId}/reviews`, { body: { reviewers }, cookie: user.cookie });
const decide = (user: TestUser, versionId: string, body: unknown) =>
  api(server().url, `/api/versions/${versionId}/reviews/decision`, { body, cookie: user.cookie });

async function requestCount(): Promise<number> {
  const [row] = await server().context.database.db.select({ n: count() }).from(reviewRequests);
  return row?.n ?? 0;
}

describe('review requests', () => {
  test('pending until everyone approves; changes requested wins; asking again starts a new round', async () => {
    const { version } = await versionForReview();
    const names = [commenter.user.username, secondCommenter.user.username.toUpperCase()];
    const requested = await json<VersionReviews>(await ask(editor, version.id, names), 200);
    expect(requested.state).toBe('pending');
    expect(requested.reviews.map((r) => [r.reviewer.id, r.decision, r.requestedBy?.id]).sort()).toEqual(
      [
        [commenter.user.id, null, editor.user.id],
        [secondCommenter.user.id, null, editor.user.id],
      ].sort(),
    );
    expect((await getVersion(server().url, owner, version.id)).review).toEqual({
      state: 'pending',
      requested: 2,
      approved: 0,
      changesRequested: 0,
      pending: 2,
    });

    const first = await json<VersionReviews>(
      await decide(commenter, version.id, { decision: 'approved', comment: 'LGTM' }),
      200,
    );
    expect(first.state).toBe('pending');
    const mine = first.reviews.find((r) => r.reviewer.id === commenter.user.id)!;
    expect(mine).toMatchObject({ decision: 'approved', comment: 'LGTM' });
    expect(mine.decidedAt).not.toBeNull();

    const second = await json<VersionReviews>(
      await decide(secondCommenter, version.id, { decision: 'changes_requested' }),
      200,
    );
    expect(second.state).toBe('changes_requested');
    // A reviewer may change their mind.
    const changed = await json<VersionReviews>(
      await decide(secondCommenter, version.id, { decision: 'approved' }),
      200,
    );
    expect(changed.state).toBe('approved');
    expect((await getVersion(server().url, viewer, version.id)).review.state).toBe('approved');

    // Asked again: that reviewer's decision is cleared.
    const again = await json<VersionReviews>(await ask(owner, version.id, [commenter.user.username]), 200);
    expect(again.state).toBe('pending');
    expect(again.reviews.find((r) => r.reviewer.id === commenter.user.id)?.decision).toBeNull();
    expect(again.reviews).toHaveLength(2);
  });

  test('only those asked decide; viewers and commenters cannot ask', async () => {
    const { version } = await versionForReview();
    await json(await ask(owner, version.id, [commenter.user.username]), 200);
    expect((await decide(secondCommenter, version.id, { decision: 'approved' })).status).toBe(403);
    expect((await decide(editor, version.id, { decision: 'approved' })).status).toBe(403);
    expect((await decide(viewer, version.id, { decision: 'approved' })).status).toBe(403);
    expect((await decide(outsider, version.id, { decision: 'approved' })).status).toBe(404);
    expect((await ask(commenter, version.id, [secondCommenter.user.username])).status).toBe(403);
    expect((await ask(viewer, version.id, [secondCommenter.user.username])).status).toBe(403);
    expect((await ask(outsider, version.id, [secondCommenter.user.username])).status).toBe(404);
  });

  test('reviewers who are not members, viewers, the requester, or malformed: 400 and nothing saved', async () => {
    const { version } = await versionForReview();
    const before = await requestCount();
    const cases: unknown[] = [
      { reviewers: [outsider.user.username] },
      { reviewers: ['nobody-by-this-name'] },
      { reviewers: [viewer.user.username] },
      { reviewers: [editor.user.username] }, // asking oneself
      { reviewers: [commenter.user.username, outsider.user.username] }, // all or nothing
      { reviewers: [] },
      { reviewers: ['<script>'] },
      { reviewers: Array.from({ length: 21 }, (_, i) => `user${i}`) },
      { reviewers: commenter.user.username },
    ];
    for (const body of cases) {
      const response = await api(server().url, `/api/versions/${version.id}/reviews`, {
        body,
        cookie: editor.cookie,
      });
      const text = await response.text();
      expect(response.status, text).toBe(400);
    }
    // Not a member and no such account read alike: existence of accounts does not leak.
    const [notMember, noAccount] = await Promise.all(
      [outsider.user.username, 'nobody-by-this-name'].map(async (name) => {
        const body = (await (await ask(editor, version.id, [name])).json()) as { error: { message: string } };
        return body.error.message.replace(name, '…');
      }),
    );
    expect(notMember).toBe(noAccount);
    expect((await decide(commenter, version.id, { decision: 'maybe' })).status).toBe(400);
    expect(await requestCount()).toBe(before);
  });

  test('connected people hear about requests and decisions', async () => {
    const { pipeline, version } = await versionForReview();
    const listener = connectCollab(server().url, pipeline.id, { cookie: viewer.cookie });
    await listener.synced;
    const heard: RecordNotification[] = [];
    listener.provider.on('stateless', ({ payload }: { payload: string }) => {
      const notification = parseRecordNotification(payload);
      if (notification) heard.push(notification);
    });
    const requested = await json<VersionReviews>(
      await ask(editor, version.id, [commenter.user.username]),
      200,
    );
    await json(await decide(commenter, version.id, { decision: 'approved' }), 200);
    const id = requested.reviews[0]!.id;
    await expect
      .poll(() => heard)
      .toEqual([
        { type: 'dominoml/record', kind: 'review', action: 'requested', id, versionId: version.id },
        { type: 'dominoml/record', kind: 'review', action: 'decided', id, versionId: version.id },
      ]);
  });
});
