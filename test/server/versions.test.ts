/**
 * Versions over HTTP: saving snapshots the live document (state, graph, code), numbers are
 * sequential and unique under concurrency, listing, reading, labels, activation, deletion, and
 * compare (version ↔ version, version ↔ draft), with bad input refused and nothing changed.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import type * as Y from 'yjs';
import type { Collab } from '../../server/collab/collab.ts';
import { versionLabels, versions } from '../../server/db/schema.ts';
import type { Page, VersionComparison, VersionSummary } from '../../shared/api/types.ts';
import { generatePython } from '../../shared/codegen/index.ts';
import { readContentOfState, setParam } from '../../shared/doc/index.ts';
import { addMember, api, registerUser, type TestUser } from './helpers/accounts.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import {
  createTemplatePipeline,
  editLive,
  getVersion,
  json,
  LOGISTIC_REGRESSION,
  nodeIdOf,
  readLiveGraph,
  saveVersion,
  TEST_EDITOR,
} from './helpers/versions.ts';

const server = useSuiteServer();
let owner: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [owner, editor] = await Promise.all([registerUser(server().url), registerUser(server().url)]);
});

async function pipelineWithEditor(name?: string) {
  const pipeline = await createTemplatePipeline(server().url, owner, name);
  await addMember(server().url, owner, pipeline.id, editor, 'editor');
  return pipeline;
}

async function listVersions(pipelineId: string, query = ''): Promise<Page<VersionSummary>> {
  const response = await api(server().url, `/api/pipelines/${pipelineId}/versions${query}`, {
    cookie: owner.cookie,
  });
  return json<Page<VersionSummary>>(response, 200);
}

async function versionRows() {
  const [row] = await server().context.database.db.select({ n: count() }).from(versions);
  const [labels] = await server().context.database.db.select({ n: count() }).from(versionLabels);
  return { versions: row?.n, labels: labels?.n };
}

describe('saving a version', () => {
  test('snapshots the live document: state, normalized graph and the code the export gives', async () => {
    const pipeline = await pipelineWithEditor('Snapshot me');
    const saved = await saveVersion(server().url, editor, pipeline.id, {
      name: '  First cut  ',
      description: 'Baseline **model**',
      tag: 'v1.0',
    });
    expect(saved).toMatchObject({
      pipelineId: pipeline.id,
      number: 1,
      name: 'First cut',
      description: 'Baseline **model**',
      tag: 'v1.0',
      parentVersionId: null,
      isActive: false,
      createdBy: { id: editor.user.id, username: editor.user.username },
      labels: [],
      review: { state: 'none', requested: 0 },
      comments: { total: 0, openThreads: 0 },
    });

    const detail = await getVersion(server().url, owner, saved.id);
    const live = await readLiveGraph(server(), pipeline.id);
    expect(detail.graph).toEqual(live);
    expect(detail.code).toBe(generatePython(live, undefined, { title: 'Snapshot me' }).code);
    const exported = await api(server().url, `/api/pipelines/${pipeline.id}/export/python`, {
      cookie: owner.cookie,
    });
    expect(detail.code).toBe(await exported.text());

    const [row] = await server()
      .context.database.db.select({ state: versions.state })
      .from(versions)
      .where(eq(versions.id, saved.id));
    expect(readContentOfState(row!.state).graph).toEqual(live);
  });

  test('takes later edits into the next version, whose parent is the one before', async () => {
    const pipeline = await pipelineWithEditor();
    const first = await saveVersion(server().url, owner, pipeline.id);
    const model = nodeIdOf((await getVersion(server().url, owner, first.id)).graph, LOGISTIC_REGRESSION);
    await editLive(server(), pipeline.id, (doc) => setParam(doc, TEST_EDITOR, model, 'max_iter', 321));
    const second = await saveVersion(server().url, owner, pipeline.id, { name: 'More iterations' });
    expect(second.number).toBe(2);
    expect(second.parentVersionId).toBe(first.id);
    const detail = await getVersion(server().url, owner, second.id);
    expect(detail.graph.nodes.find((n) => n.id === model)?.params.max_iter).toBe(321);
    expect(detail.code).toContain('max_iter=321');
    expect((await getVersion(server().url, owner, first.id)).code).not.toContain('max_iter=321');
  });

  test('works on a document nobody has open and leaves it unloaded', async () => {
    const pipeline = await pipelineWithEditor();
    const { documents } = (server().context.collab as Collab).hocuspocus;
    expect(documents.has(`pipeline:${pipeline.id}`)).toBe(false);
    const saved = await saveVersion(server().url, owner, pipeline.id);
    expect((await getVersion(server().url, owner, saved.id)).graph.nodes.length).toBeGreaterThan(4);
    expect(documents.has(`pipeline:${pipeline.id}`)).toBe(false);
  });

  test('20 saves at the same moment get 20 distinct consecutive numbers, each the parent of the next', async () => {
    const pipeline = await pipelineWithEditor();
    const saves = Array.from({ length: 20 }, (_, i) =>
      saveVersion(server().url, i % 2 === 0 ? owner : editor, pipeline.id, { name: `Save ${i}` }),
    );
    const saved = await Promise.all(saves);
    expect(saved.map((v) => v.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const byNumber = new Map(saved.map((v) => [v.number, v]));
    for (const version of saved) {
      expect(version.parentVersionId).toBe(byNumber.get(version.number - 1)?.id ?? null);
    }
  });

  test('refuses bad input with a clear 400 and saves nothing', async () => {
    const pipeline = await pipelineWithEditor();
    const before = await versionRows();
    const bad: unknown[] = [
      {},
      { name: '   ' },
      { name: 'x'.repeat(201) },
      { name: 'line\nbreak' },
      { name: 'ok', tag: 'x'.repeat(41) },
      { name: 'ok', description: 42 },
    ];
    for (const body of bad) {
      const response = await api(server().url, `/api/pipelines/${pipeline.id}/versions`, {
        body,
        cookie: owner.cookie,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    }
    expect(await versionRows()).toEqual(before);
  });

  test('a deleted newest version’s number is not handed out again', async () => {
    const pipeline = await pipelineWithEditor();
    await saveVersion(server().url, owner, pipeline.id);
    const second = await saveVersion(server().url, owner, pipeline.id);
    expect(
      (await api(server().url, `/api/versions/${second.id}`, { method: 'DELETE', cookie: owner.cookie }))
        .status,
    ).toBe(204);
    expect((await saveVersion(server().url, owner, pipeline.id)).number).toBe(3);
  });
});

describe('listing and reading', () => {
  test('lists newest first with pagination, labels, review and comment counts', async () => {
    const pipeline = await pipelineWithEditor();
    for (let i = 1; i <= 3; i++) await saveVersion(server().url, editor, pipeline.id, { name: `v${i}` });
    const page = await listVersions(pipeline.id);
    expect(page.total).toBe(3);
    expect(page.items.map((v) => v.name)).toEqual(['v3', 'v2', 'v1']);
    expect(page.items[0]!.createdBy?.username).toBe(editor.user.username);
    const second = await listVersions(pipeline.id, '?limit=1&offset=1');
    expect(second.items.map((v) => v.name)).toEqual(['v2']);
    expect(
      (await api(server().url, `/api/pipelines/${pipeline.id}/versions?limit=0`, { cookie: owner.cookie }))
        .status,
    ).toBe(400);
  });

  test('an unknown, malformed or foreign version id is 404', async () => {
    const stranger = await registerUser(server().url);
    const pipeline = await pipelineWithEditor();
    const saved = await saveVersion(server().url, owner, pipeline.id);
    for (const [id, who] of [
      ['00000000-0000-4000-8000-000000000000', owner],
      ['not-a-uuid', owner],
      [saved.id, stranger],
    ] as const) {
      const response = await api(server().url, `/api/versions/${id}`, { cookie: who.cookie });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(pipeline.id);
    }
  });
});

describe('labels, activation and deletion', () => {
  test('labels: add, recolour (any case), remove; colours must be #rrggbb', async () => {
    const pipeline = await pipelineWithEditor();
    const saved = await saveVersion(server().url, owner, pipeline.id);
    const labels = `/api/versions/${saved.id}/labels`;
    const added = await api(server().url, labels, {
      body: { name: 'production', color: '#22AA44' },
      cookie: editor.cookie,
    });
    expect((await json<VersionSummary>(added, 201)).labels).toEqual([
      { name: 'production', color: '#22aa44' },
    ]);
    const recoloured = await api(server().url, labels, {
      body: { name: 'Production', color: '#000000' },
      cookie: editor.cookie,
    });
    expect((await json<VersionSummary>(recoloured, 200)).labels).toEqual([
      { name: 'Production', color: '#000000' },
    ]);

    const before = await versionRows();
    for (const body of [
      { name: 'x', color: 'red;<script>' },
      { name: 'x', color: 'red' },
      { name: 'x', color: '#12345' },
      { name: 'x', color: '#1234567' },
      { name: '', color: '#123456' },
      { name: 'x'.repeat(41), color: '#123456' },
      { name: 'x' },
    ]) {
      const response = await api(server().url, labels, { body, cookie: owner.cookie });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await versionRows()).toEqual(before);

    const missing = await api(server().url, labels, {
      method: 'DELETE',
      body: { name: 'baseline' },
      cookie: owner.cookie,
    });
    expect(missing.status).toBe(404);
    const removed = await api(server().url, labels, {
      method: 'DELETE',
      body: { name: 'PRODUCTION' },
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(204);
    expect((await getVersion(server().url, owner, saved.id)).labels).toEqual([]);
  });

  test('exactly one version is active; the active one cannot be deleted (409), others can', async () => {
    const pipeline = await pipelineWithEditor();
    const v1 = await saveVersion(server().url, owner, pipeline.id);
    const v2 = await saveVersion(server().url, owner, pipeline.id);
    const v3 = await saveVersion(server().url, owner, pipeline.id);
    const activate = (id: string) =>
      api(server().url, `/api/versions/${id}/activate`, { method: 'POST', cookie: editor.cookie });
    expect((await json<VersionSummary>(await activate(v1.id), 200)).isActive).toBe(true);
    expect((await json<VersionSummary>(await activate(v2.id), 200)).isActive).toBe(true);
    expect((await listVersions(pipeline.id)).items.filter((v) => v.isActive).map((v) => v.id)).toEqual([
      v2.id,
    ]);

    // Concurrent activations still leave exactly one.
    await Promise.all([activate(v1.id), activate(v3.id), activate(v2.id)]);
    expect((await listVersions(pipeline.id)).items.filter((v) => v.isActive)).toHaveLength(1);

    await json(await activate(v2.id), 200);
    const refused = await api(server().url, `/api/versions/${v2.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await listVersions(pipeline.id)).total).toBe(3);

    // Deleting v2's parent keeps the lineage connected: v2 now descends from v1.
    await json(await activate(v3.id), 200);
    expect(
      (await api(server().url, `/api/versions/${v2.id}`, { method: 'DELETE', cookie: owner.cookie })).status,
    ).toBe(204);
    expect((await getVersion(server().url, owner, v3.id)).parentVersionId).toBe(v1.id);
    expect((await api(server().url, `/api/versions/${v2.id}`, { cookie: owner.cookie })).status).toBe(404);
  });
});

describe('compare', () => {
  test('two versions: a changed parameter, an added node, and the code lines that changed', async () => {
    const pipeline = await pipelineWithEditor();
    const a = await saveVersion(server().url, owner, pipeline.id);
    const graph = await readLiveGraph(server(), pipeline.id);
    const model = nodeIdOf(graph, LOGISTIC_REGRESSION);
    await editLive(server(), pipeline.id, (doc) => setParam(doc, TEST_EDITOR, model, 'max_iter', 777));
    const b = await saveVersion(server().url, owner, pipeline.id);
    const response = await api(server().url, `/api/versions/compare?a=${a.id}&b=${b.id}`, {
      cookie: owner.cookie,
    });
    const comparison = await json<VersionComparison>(response, 200);
    expect(comparison.pipelineId).toBe(pipeline.id);
    expect(comparison.a).toEqual({ kind: 'version', id: a.id, number: 1, name: a.name });
    expect(comparison.graph.nodes.changed).toEqual([
      { nodeId: model, params: [{ name: 'max_iter', before: 200, after: 777 }] },
    ]);
    expect(comparison.graph.summary.nodesAdded).toBe(0);
    const removed = comparison.code.hunks.flatMap((h) =>
      h.lines.filter((l) => l.kind === 'removed').map((l) => l.text),
    );
    const added = comparison.code.hunks.flatMap((h) =>
      h.lines.filter((l) => l.kind === 'added').map((l) => l.text),
    );
    expect(removed.join('\n')).toContain('max_iter=200');
    expect(added.join('\n')).toContain('max_iter=777');
  });

  test('a version and the draft; moves only when asked', async () => {
    const pipeline = await pipelineWithEditor();
    const a = await saveVersion(server().url, owner, pipeline.id);
    const graph = await readLiveGraph(server(), pipeline.id);
    const model = nodeIdOf(graph, LOGISTIC_REGRESSION);
    await editLive(server(), pipeline.id, (doc) => {
      const node = doc.getMap('nodes').get(model) as Y.Map<unknown>;
      doc.transact(() => node.set('x', 4242), TEST_EDITOR);
    });
    const url = `/api/versions/compare?a=${a.id}&b=draft`;
    const plain = await json<VersionComparison>(await api(server().url, url, { cookie: owner.cookie }), 200);
    expect(plain.b).toEqual({ kind: 'draft' });
    expect(plain.graph.nodes.changed).toEqual([]);
    expect(plain.code.hunks).toEqual([]);
    const moves = await json<VersionComparison>(
      await api(server().url, `${url}&moves=true`, { cookie: owner.cookie }),
      200,
    );
    expect(moves.graph.nodes.changed.map((c) => [c.nodeId, c.moved?.after.x])).toEqual([[model, 4242]]);
  });

  test('across two pipelines, or with malformed ids, is a clear 4xx', async () => {
    const first = await pipelineWithEditor();
    const second = await pipelineWithEditor();
    const a = await saveVersion(server().url, owner, first.id);
    const b = await saveVersion(server().url, owner, second.id);
    const across = await api(server().url, `/api/versions/compare?a=${a.id}&b=${b.id}`, {
      cookie: owner.cookie,
    });
    expect(across.status).toBe(400);
    expect(((await across.json()) as { error: { message: string } }).error.message).toMatch(/same pipeline/);
    for (const query of [
      '',
      `?a=${a.id}`,
      `?a=nope&b=draft`,
      `?a=${a.id}&b=latest`,
      `?a=${a.id}&b=draft&context=99`,
    ]) {
      expect(
        (await api(server().url, `/api/versions/compare${query}`, { cookie: owner.cookie })).status,
        query,
      ).toBe(400);
    }
    // A version of a pipeline the caller cannot read is indistinguishable from none.
    const stranger = await registerUser(server().url);
    const own = await saveVersion(
      server().url,
      stranger,
      (await createTemplatePipeline(server().url, stranger)).id,
    );
    const foreign = await api(server().url, `/api/versions/compare?a=${own.id}&b=${a.id}`, {
      cookie: stranger.cookie,
    });
    expect(foreign.status).toBe(404);
  });
});
