/**
 * Runs over HTTP: what a failing pipeline leaves behind, pipelines refused before they run, who may
 * do what, reading logs by sequence number and as files, artifacts, which version a run executes,
 * and cancelling a queued and a running run (its whole process group ends).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunDetail, RunSummary } from '../../shared/api/runs.ts';
import type { ApiErrorBody, Page, VersionSummary } from '../../shared/api/types.ts';
import { setParam } from '../../shared/doc/index.ts';
import { addMember, api, registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import {
  allLogLines,
  failingCsvPipeline,
  getRun,
  pipelineWithGraph,
  processesInGroup,
  processGroupInAwareness,
  readLogs,
  slowGraph,
  startRun,
  templateGraph,
  waitForRunEnd,
} from './helpers/runs.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import { editLive, json, saveVersion, TEST_EDITOR } from './helpers/versions.ts';

const server = useSuiteServer();
let owner: TestUser;
let commenter: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  const { url } = server();
  [owner, commenter, outsider] = await Promise.all([registerUser(url), registerUser(url), registerUser(url)]);
});

describe('a pipeline that fails when it runs', () => {
  test('ends failed with its exit code, the exception named, and stderr kept', async () => {
    const { url } = server();
    const pipeline = await failingCsvPipeline(server(), owner);
    const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
    expect(run.status).toBe('failed');
    expect(run.exitCode).toBe(1);
    expect(run.error).toMatch(
      /^Python exited with code 1: ValueError: The least populated class in y has only 1 member/,
    );
    const lines = await allLogLines(url, owner, run.id);
    const stderr = lines.filter((line) => line.stream === 'stderr').map((line) => line.text);
    expect(stderr[0]).toBe('Traceback (most recent call last):');
    expect(stderr.at(-1)).toMatch(/^ValueError: The least populated class/);
    expect(lines.at(-1)).toMatchObject({
      stream: 'system',
      text: expect.stringMatching(/^Run failed after/),
    });
    expect(run.logLines).toBe(lines.length);
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, index) => index + 1));
  });
});

describe('refused before running', () => {
  test('a draft with validation errors: 422 listing the problems, and no version or run is made', async () => {
    const { url } = server();
    const graph = templateGraph('iris-logistic-regression');
    graph.edges = graph.edges.filter((edge) => edge.target !== 'train');
    const pipeline = await pipelineWithGraph(server(), owner, graph);
    const response = await api(url, `/api/pipelines/${pipeline.id}/runs`, { body: {}, cookie: owner.cookie });
    const body = await json<ApiErrorBody>(response, 422);
    expect(body.error.code).toBe('pipeline_invalid');
    expect(body.error.problems?.length).toBeGreaterThan(0);
    expect(body.error.problems?.[0]).toMatchObject({ code: 'missing-input', nodeId: 'train' });
    const versions = await json<Page<VersionSummary>>(
      await api(url, `/api/pipelines/${pipeline.id}/versions`, { cookie: owner.cookie }),
      200,
    );
    expect(versions.total).toBe(0);
    const runs = await json<Page<RunSummary>>(
      await api(url, `/api/pipelines/${pipeline.id}/runs`, { cookie: owner.cookie }),
      200,
    );
    expect(runs.total).toBe(0);
  });

  test('a version of another pipeline is not found', async () => {
    const { url } = server();
    const [a, b] = await Promise.all([
      pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression')),
      pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression')),
    ]);
    const version = await saveVersion(url, owner, b.id);
    const response = await api(url, `/api/pipelines/${a.id}/runs`, {
      body: { versionId: version.id },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(404);
  });
});

describe('versions and access', () => {
  test('runs of an unchanged draft reuse its snapshot; a changed draft and a chosen version run what they say', async () => {
    const { url } = server();
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    await addMember(url, owner, pipeline.id, commenter, 'commenter');
    const first = await startRun(url, owner, pipeline.id);
    const again = await startRun(url, owner, pipeline.id);
    expect(again.version).toEqual(first.version);
    // Only its version matters here: cancelled while queued, it never takes the worker's time.
    await api(url, `/api/runs/${again.id}/cancel`, { body: {}, cookie: owner.cookie });
    expect(first.version).toMatchObject({ number: 1, name: 'Snapshot for a run' });
    const labelled = await json<VersionSummary>(
      await api(url, `/api/versions/${first.version.id}`, { cookie: owner.cookie }),
      200,
    );
    expect(labelled.labels.map((label) => label.name)).toEqual(['run']);

    await editLive(server(), pipeline.id, (doc) => setParam(doc, TEST_EDITOR, 'model', 'C', 0.5));
    const changed = await startRun(url, owner, pipeline.id);
    expect(changed.version.number).toBe(2);
    const chosen = await startRun(url, owner, pipeline.id, { versionId: first.version.id });
    expect(chosen.version.id).toBe(first.version.id);

    // Newest first, with version, author and (once finished) duration and key metrics.
    const runs = [first, again, changed, chosen];
    await Promise.all(runs.map((run) => waitForRunEnd(url, owner, run)));
    const list = await json<Page<RunSummary>>(
      await api(url, `/api/pipelines/${pipeline.id}/runs`, { cookie: commenter.cookie }),
      200,
    );
    expect(list.items.map((run) => run.id)).toEqual(runs.map((run) => run.id).reverse());
    for (const run of list.items.filter((item) => item.id !== again.id)) {
      expect(run).toMatchObject({ status: 'succeeded', createdBy: { id: owner.user.id } });
      expect(run.durationMs).toBeGreaterThan(0);
      expect(run.metrics.map((metric) => metric.name)).toContain('accuracy');
    }
    expect(list.items.find((item) => item.id === again.id)).toMatchObject({
      status: 'cancelled',
      durationMs: null,
      metrics: [],
    });
  }, 60_000);

  test('commenters read but cannot start or cancel; outsiders and anonymous get nothing', async () => {
    const { url } = server();
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    await addMember(url, owner, pipeline.id, commenter, 'commenter');
    const run = await startRun(url, owner, pipeline.id);
    const start = await api(url, `/api/pipelines/${pipeline.id}/runs`, {
      body: {},
      cookie: commenter.cookie,
    });
    expect(start.status).toBe(403);
    const cancel = await api(url, `/api/runs/${run.id}/cancel`, { body: {}, cookie: commenter.cookie });
    expect(cancel.status).toBe(403);
    await waitForRunEnd(url, owner, run);

    const reads = [
      `/api/runs/${run.id}`,
      `/api/runs/${run.id}/logs`,
      `/api/runs/${run.id}/logs/download`,
      `/api/runs/${run.id}/metrics`,
      `/api/versions/${run.version.id}/metrics`,
      `/api/pipelines/${pipeline.id}/runs`,
    ];
    for (const path of reads) {
      expect((await api(url, path, { cookie: commenter.cookie })).status, path).toBe(200);
      expect((await api(url, path, { cookie: outsider.cookie })).status, path).toBe(404);
      expect((await api(url, path)).status, path).toBe(401);
    }
    const outsiderStart = await api(url, `/api/pipelines/${pipeline.id}/runs`, {
      body: {},
      cookie: outsider.cookie,
    });
    expect(outsiderStart.status).toBe(404);
    expect((await api(url, '/api/runs/not-a-uuid', { cookie: owner.cookie })).status).toBe(404);
  });
});

describe('logs, downloads and artifacts', () => {
  test('?after= returns exactly the lines after it; downloads hold the whole log; the model downloads', async () => {
    const { url } = server();
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
    expect(run.status).toBe('succeeded');
    const lines = await allLogLines(url, owner, run.id);
    expect(lines.length).toBeGreaterThan(10);

    const middle = await readLogs(url, owner, run.id, '?after=5&limit=3');
    expect(middle.lines.map((line) => line.seq)).toEqual([6, 7, 8]);
    expect(middle).toMatchObject({ nextAfter: 8, complete: false });
    const end = await readLogs(url, owner, run.id, `?after=${lines.length - 2}&limit=100`);
    expect(end.lines).toEqual(lines.slice(-2));
    expect(end).toMatchObject({ nextAfter: lines.length, complete: true });
    expect((await api(url, `/api/runs/${run.id}/logs?after=-1`, { cookie: owner.cookie })).status).toBe(400);

    const text = await api(url, `/api/runs/${run.id}/logs/download?format=text`, { cookie: owner.cookie });
    expect(text.headers.get('content-disposition')).toMatch(/attachment; filename="run-\w{8}\.log"/);
    const console = await text.text();
    expect(console).toContain('[dominoml] Run succeeded');
    expect(console).not.toContain('"type": "progress"');
    const jsonl = await api(url, `/api/runs/${run.id}/logs/download?format=json`, { cookie: owner.cookie });
    const parsed = (await jsonl.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(parsed).toEqual(lines);

    const model = run.artifacts.find((artifact) => artifact.kind === 'model');
    expect(model).toMatchObject({ name: 'iris-model.joblib' });
    const download = await api(url, model!.downloadUrl, { cookie: owner.cookie });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(bytes.byteLength).toBe(model!.size);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="iris-model.joblib"');
    const stranger = await api(url, model!.downloadUrl, { cookie: outsider.cookie });
    expect(stranger.status).toBe(404);
  });
});

describe('cancel', () => {
  test('a queued run is cancelled at once; a running one stops with its whole process group', async () => {
    const { url } = server();
    const pipeline = await pipelineWithGraph(server(), owner, slowGraph());
    const running = await startRun(url, owner, pipeline.id);
    const queued = await startRun(url, owner, pipeline.id); // the worker runs one at a time

    const cancelQueued = await api(url, `/api/runs/${queued.id}/cancel`, { body: {}, cookie: owner.cookie });
    expect((await json<RunDetail>(cancelQueued, 202)).status).toBe('cancelled');
    const queuedLog = await allLogLines(url, owner, queued.id);
    expect(queuedLog.map((line) => line.text)).toEqual([
      `Run cancelled by ${owner.user.username} before it started.`,
    ]);

    // Cancel once Python is up: its process group shows in the run's live tail.
    const watcher = connectCollab(url, pipeline.id, { cookie: owner.cookie });
    await watcher.synced;
    const pgid = await processGroupInAwareness(watcher, running.id);
    expect(processesInGroup(pgid).length).toBeGreaterThan(0);
    const cancel = await api(url, `/api/runs/${running.id}/cancel`, { body: {}, cookie: owner.cookie });
    expect((await json<RunDetail>(cancel, 202)).cancelRequestedAt).not.toBeNull();
    const ended = await waitForRunEnd(url, owner, running);
    expect(ended).toMatchObject({ status: 'cancelled', error: null });
    expect(processesInGroup(pgid)).toEqual([]);
    expect((await allLogLines(url, owner, running.id)).at(-1)?.text).toMatch(/^Run cancelled after/);

    const again = await api(url, `/api/runs/${running.id}/cancel`, { body: {}, cookie: owner.cookie });
    expect(again.status).toBe(409);
    expect((await getRun(url, owner, queued.id)).status).toBe('cancelled');
  }, 60_000);
});
