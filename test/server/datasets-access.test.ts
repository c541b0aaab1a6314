/**
 * Who may do what with a dataset: its owner; the editor, commenter and viewer of a pipeline it is
 * attached to; someone else (outsider); nobody signed in. Each endpoint is tried by each, and a
 * refusal changes nothing. Also: what `datasetsForRun` hands the runner.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { datasetsForRun } from '../../server/datasets/run-datasets.ts';
import type { DatasetList, DatasetRecord } from '../../shared/api/datasets.ts';
import type { PipelineSummary } from '../../shared/api/types.ts';
import { addMember, api, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import { SHARED_DATA, uploadBytes, useSuiteDatasetServer } from './helpers/datasets.ts';

const server = useSuiteDatasetServer();
const tips = readFileSync(path.join(SHARED_DATA, 'tips.csv'));

type Who = 'owner' | 'editor' | 'commenter' | 'viewer' | 'outsider' | 'anonymous';
const EVERYONE: Who[] = ['owner', 'editor', 'commenter', 'viewer', 'outsider', 'anonymous'];
const people = {} as Record<Exclude<Who, 'anonymous'>, TestUser>;
/** The owner's pipeline, with the others as members; `shared` is attached to it. */
let pipeline: PipelineSummary;
let shared: DatasetRecord;

beforeAll(async () => {
  for (const who of ['owner', 'editor', 'commenter', 'viewer', 'outsider'] as const) {
    people[who] = await registerUser(server().url);
  }
  pipeline = await createPipeline(server().url, people.owner, 'Shared work');
  for (const role of ['editor', 'commenter', 'viewer'] as const) {
    await addMember(server().url, people.owner, pipeline.id, people[role], role);
  }
  shared = await upload(people.owner, 'Shared tips', pipeline.id);
});

async function upload(user: TestUser, name: string, pipelineId?: string): Promise<DatasetRecord> {
  const query = { name, fileName: 'tips.csv', ...(pipelineId ? { pipeline: pipelineId } : {}) };
  const response = await uploadBytes(server().url, user, tips, query);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as DatasetRecord;
}

function as(who: Who, url: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return api(server().url, url, { ...init, cookie: who === 'anonymous' ? undefined : people[who].cookie });
}

/** Status per person; refusals are checked not to change the dataset, its file or attachments. */
async function matrix(
  expected: Record<Who, number>,
  request: (who: Who) => Promise<Response>,
): Promise<Record<Who, number>> {
  const actual = {} as Record<Who, number>;
  for (const who of EVERYONE) {
    const before = { rows: await server().rowCounts(), files: server().blobFiles() };
    const response = await request(who);
    actual[who] = response.status;
    if (response.status >= 400) {
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message, `${who}: ${JSON.stringify(body)}`).toEqual(expect.any(String));
      expect({ rows: await server().rowCounts(), files: server().blobFiles() }).toEqual(before);
    } else {
      await response.body?.cancel();
    }
  }
  expect(actual).toEqual(expected);
  return actual;
}

const READERS = { owner: 200, editor: 200, commenter: 200, viewer: 200, outsider: 404, anonymous: 401 };

describe('reading', () => {
  test('GET /api/datasets/:id: owner and every member of an attached pipeline; owner/shared says which', async () => {
    await matrix(READERS, (who) => as(who, `/api/datasets/${shared.id}`));
    const seen = (await (await as('viewer', `/api/datasets/${shared.id}`)).json()) as DatasetRecord;
    expect(seen).toMatchObject({ access: 'shared', pipelines: [{ id: pipeline.id, name: 'Shared work' }] });
    expect(seen.profile.rows).toBe(244);
  });

  test('download: the same people, the same bytes', async () => {
    await matrix(READERS, (who) => as(who, `/api/datasets/${shared.id}/download`));
    const bytes = Buffer.from(
      await (await as('commenter', `/api/datasets/${shared.id}/download`)).arrayBuffer(),
    );
    expect(bytes).toEqual(tips);
  });

  test('lists: members see shared datasets, outsiders do not', async () => {
    const mine = await upload(people.outsider, 'Outsider tips');
    for (const who of ['owner', 'editor', 'commenter', 'viewer'] as const) {
      const list = (await (await as(who, '/api/datasets?limit=100')).json()) as DatasetList;
      expect(list.datasets.map((d) => d.id)).toContain(shared.id);
      expect(list.datasets.map((d) => d.id)).not.toContain(mine.id);
    }
    const outsiders = (await (await as('outsider', '/api/datasets')).json()) as DatasetList;
    expect(outsiders).toMatchObject({ total: 1, datasets: [{ id: mine.id, access: 'owner' }] });
    expect((await as('anonymous', '/api/datasets')).status).toBe(401);
  });

  test('GET /api/pipelines/:id/datasets: any member; others do not see the pipeline', async () => {
    await matrix(READERS, (who) => as(who, `/api/pipelines/${pipeline.id}/datasets`));
    const list = (await (await as('viewer', `/api/pipelines/${pipeline.id}/datasets`)).json()) as {
      datasets: DatasetRecord[];
    };
    expect(list.datasets.map((d) => d.id)).toContain(shared.id);
  });

  test('a member removed from the pipeline loses the dataset', async () => {
    const leaver = await registerUser(server().url);
    await addMember(server().url, people.owner, pipeline.id, leaver, 'viewer');
    const url = `/api/datasets/${shared.id}`;
    expect((await api(server().url, url, { cookie: leaver.cookie })).status).toBe(200);
    const removed = await api(server().url, `/api/pipelines/${pipeline.id}/members/${leaver.user.id}`, {
      method: 'DELETE',
      cookie: people.owner.cookie,
    });
    expect(removed.status).toBe(204);
    expect((await api(server().url, url, { cookie: leaver.cookie })).status).toBe(404);
  });

  test('malformed and unknown ids → 404', async () => {
    for (const id of ['not-a-uuid', "1' OR '1'='1", '00000000-0000-4000-8000-000000000000']) {
      for (const suffix of ['', '/download']) {
        const response = await as('owner', `/api/datasets/${encodeURIComponent(id)}${suffix}`);
        expect(response.status).toBe(404);
      }
    }
  });
});

describe('changing', () => {
  test('rename: only the owner; members get 403, outsiders 404', async () => {
    const statuses = { owner: 200, editor: 403, commenter: 403, viewer: 403, outsider: 404, anonymous: 401 };
    await matrix(statuses, (who) =>
      as(who, `/api/datasets/${shared.id}`, { method: 'PATCH', body: { name: `Renamed by ${who}` } }),
    );
    const after = (await (await as('owner', `/api/datasets/${shared.id}`)).json()) as DatasetRecord;
    expect(after.name).toBe('Renamed by owner');
  });

  test('delete: only the owner, and only once detached (409 before)', async () => {
    const statuses = { owner: 409, editor: 403, commenter: 403, viewer: 403, outsider: 404, anonymous: 401 };
    await matrix(statuses, (who) => as(who, `/api/datasets/${shared.id}`, { method: 'DELETE' }));
    const own = await upload(people.owner, 'Deletable');
    const deleting = { owner: 204, editor: 404, commenter: 404, viewer: 404, outsider: 404, anonymous: 401 };
    // The owner goes first here, so everyone after finds it gone: outsiders and members alike get 404.
    await matrix(deleting, (who) => as(who, `/api/datasets/${own.id}`, { method: 'DELETE' }));
    expect(server().blobFiles()).not.toContain(`datasets/${own.id}.csv`);
  });

  test('attach: editors and owners of the pipeline, with a dataset they can read', async () => {
    const target = await createPipeline(server().url, people.owner, 'Attach target');
    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      await addMember(server().url, people.owner, target.id, people[role], role);
    }
    const fresh = await upload(people.owner, 'Fresh');
    const url = `/api/pipelines/${target.id}/datasets/${fresh.id}`;
    // Commenters and viewers may not; outsiders do not see the pipeline.
    await matrix(
      { owner: 200, editor: 200, commenter: 403, viewer: 403, outsider: 404, anonymous: 401 },
      (who) => as(who, url, { method: 'PUT' }),
    );

    // An editor cannot attach a dataset they cannot read (the owner's unattached one): 404.
    const hidden = await upload(people.owner, 'Hidden');
    const refused = await as('editor', `/api/pipelines/${target.id}/datasets/${hidden.id}`, {
      method: 'PUT',
    });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      'Dataset not found',
    );
    expect((await as('editor', `/api/datasets/${hidden.id}`)).status).toBe(404);

    // An editor attaches their own dataset: the pipeline's viewer can now read it.
    const editors = await upload(people.editor, "Editor's data");
    expect((await as('viewer', `/api/datasets/${editors.id}`)).status).toBe(404);
    const attached = await as('editor', `/api/pipelines/${target.id}/datasets/${editors.id}`, {
      method: 'PUT',
    });
    expect(attached.status).toBe(200);
    expect((await as('viewer', `/api/datasets/${editors.id}`)).status).toBe(200);
    expect((await as('owner', `/api/datasets/${editors.id}`)).status).toBe(200);
  });

  test('a pipeline the owner is not on is named only as a count', async () => {
    const own = await upload(people.owner, 'Spread');
    await attach('owner', pipeline.id, own.id);
    const editorsPipeline = await createPipeline(server().url, people.editor, "Editor's own");
    // The editor reads `own` through `pipeline`, so may attach it to their own pipeline.
    await attach('editor', editorsPipeline.id, own.id);
    const seen = (await (await as('owner', `/api/datasets/${own.id}`)).json()) as DatasetRecord;
    expect(seen.pipelines.map((p) => p.name)).toEqual(['Shared work']);
    const refused = await as('owner', `/api/datasets/${own.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as {
      error: {
        code: string;
        message: string;
        attached: { pipelineIds: string[]; visible: { id: string; name: string }[]; hidden: number };
      };
    };
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      'The dataset is attached to "Shared work", 1 pipeline you are not a member of; detach it from every pipeline first',
    );
    expect(error.message).not.toContain("Editor's own");
    // What the owner needs to detach it everywhere: every pipeline's id, names only of their own.
    expect(error.attached).toEqual({
      pipelineIds: [pipeline.id, editorsPipeline.id].sort(),
      visible: [{ id: pipeline.id, name: 'Shared work' }],
      hidden: 1,
    });
    expect(JSON.stringify(error)).not.toContain("Editor's own");
    // Nobody else learns the ids: the refusal comes before the attachments are looked at.
    const editorsTry = (await (
      await as('editor', `/api/datasets/${own.id}`, { method: 'DELETE' })
    ).json()) as { error: Record<string, unknown> };
    expect(editorsTry.error.attached).toBeUndefined();

    // The owner withdraws it from the pipeline they are not on, then from their own, then deletes it.
    const withdrawn = await as('owner', `/api/pipelines/${editorsPipeline.id}/datasets/${own.id}`, {
      method: 'DELETE',
    });
    expect(withdrawn.status).toBe(204);
    const editorsView = await as('editor', `/api/pipelines/${editorsPipeline.id}/datasets`);
    expect(((await editorsView.json()) as { datasets: DatasetRecord[] }).datasets).toEqual([]);
    // Owning a dataset gives no say over pipelines it is not attached to, nor a view of them.
    const stranger = await createPipeline(server().url, people.outsider, 'Stranger');
    const unrelated = await as('owner', `/api/pipelines/${stranger.id}/datasets/${shared.id}`, {
      method: 'DELETE',
    });
    expect(unrelated.status).toBe(204);
    expect((await as('outsider', `/api/pipelines/${stranger.id}`)).status).toBe(200);
    await as('owner', `/api/pipelines/${pipeline.id}/datasets/${own.id}`, { method: 'DELETE' });
    expect((await as('owner', `/api/datasets/${own.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  test('detach: editors and owners of the pipeline', async () => {
    const own = await upload(people.owner, 'Detachable');
    await attach('owner', pipeline.id, own.id);
    const url = `/api/pipelines/${pipeline.id}/datasets/${own.id}`;
    const statuses = { owner: 204, editor: 204, commenter: 403, viewer: 403, outsider: 404, anonymous: 401 };
    await matrix(statuses, (who) => as(who, url, { method: 'DELETE' }));
    expect((await as('viewer', `/api/datasets/${own.id}`)).status).toBe(404);
    expect(
      (await as('owner', `/api/pipelines/${pipeline.id}/datasets/not-a-uuid`, { method: 'DELETE' })).status,
    ).toBe(404);
  });
});

describe('datasetsForRun', () => {
  test('returns only datasets attached to the pipeline, keyed by id', async () => {
    const other = await upload(people.owner, 'Not attached');
    const { db } = server().context.database;
    const found = await datasetsForRun(db, pipeline.id, [shared.id, other.id, 'not-a-uuid', shared.id]);
    expect([...found.keys()]).toEqual([shared.id]);
    expect(found.get(shared.id)).toMatchObject({
      storageKey: `datasets/${shared.id}.csv`,
      fileName: 'tips.csv',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      profile: { rows: 244 },
    });
    expect((await datasetsForRun(db, pipeline.id, [])).size).toBe(0);
    expect((await datasetsForRun(db, 'nope', [shared.id])).size).toBe(0);
  });
});

async function attach(who: Who, pipelineId: string, datasetId: string): Promise<void> {
  const response = await as(who, `/api/pipelines/${pipelineId}/datasets/${datasetId}`, { method: 'PUT' });
  expect(response.status, await response.clone().text()).toBe(200);
}
