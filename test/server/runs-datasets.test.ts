/**
 * Runs that read uploaded datasets (issue 7): titanic uploaded through the API and attached to the
 * pipeline runs to `succeeded` with its metrics stored; the file reached Python read-only and
 * checked against the upload's SHA-256. A dataset that is not attached, or deleted, fails the run
 * before Python starts, naming the node and the dataset. The pre-run validation knows the
 * dataset's columns.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { api, registerUser, type TestUser } from './helpers/accounts.ts';
import {
  allLogLines,
  attachDataset,
  pipelineWithGraph,
  startRun,
  titanicGraph,
  uploadDataset,
  waitForRunEnd,
} from './helpers/runs.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();
let owner: TestUser;

beforeAll(async () => {
  owner = await registerUser(server().url);
});

describe('a CSV pipeline', () => {
  test('reads the attached upload and runs to succeeded with its metrics stored', async () => {
    const { url } = server();
    const dataset = await uploadDataset(url, owner, { file: 'titanic.csv' });
    const pipeline = await pipelineWithGraph(server(), owner, titanicGraph(dataset.id), 'Titanic');
    await attachDataset(url, owner, pipeline.id, dataset.id);

    const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
    const lines = await allLogLines(url, owner, run.id);
    expect(run.status, lines.map((line) => line.text).join('\n')).toBe('succeeded');
    const accuracy = run.metrics.find((metric) => metric.name === 'accuracy' && metric.split === 'test');
    // Logistic regression on sex, class, age, fares… is right about four times in five.
    expect(accuracy?.value).toBeGreaterThan(0.7);
    expect(accuracy?.value).toBeLessThan(0.95);
    const versionMetrics = await api(url, `/api/versions/${run.version.id}/metrics`, {
      cookie: owner.cookie,
    });
    expect(JSON.stringify(await versionMetrics.json())).toContain('accuracy');
    expect(lines.map((line) => line.text)).toContainEqual(
      expect.stringMatching(
        /^Dataset “titanic\.csv” \(dataset [0-9a-f-]+\): [\d.]+ KB, SHA-256 checked, read-only for node “Titanic”\.$/,
      ),
    );
    expect(run.artifacts.map((artifact) => artifact.name)).toEqual(['titanic-model.joblib']);
    const model = await fetch(`${url}${run.artifacts[0]!.downloadUrl}`, {
      headers: { cookie: owner.cookie },
    });
    expect(model.status).toBe(200);
    expect((await model.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }, 90_000);

  test('a dataset that is not attached fails the run before Python starts, naming node and dataset', async () => {
    const { url } = server();
    const dataset = await uploadDataset(url, owner, { file: 'titanic.csv' });
    const pipeline = await pipelineWithGraph(server(), owner, titanicGraph(dataset.id));

    const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
    expect(run).toMatchObject({ status: 'failed', exitCode: null });
    expect(run.error).toBe(
      `Dataset ${dataset.id} (read by node “Titanic”) is not attached to this pipeline; attach it from the Datasets panel, then run again.`,
    );
    const lines = await allLogLines(url, owner, run.id);
    expect(lines.some((line) => line.text.startsWith('Python started'))).toBe(false);
    expect(lines.at(-1)?.text).toContain('is not attached to this pipeline');
  });

  test('a deleted dataset fails the run before Python starts, saying so', async () => {
    const { url } = server();
    const dataset = await uploadDataset(url, owner, { file: 'titanic.csv' });
    const removed = await api(url, `/api/datasets/${dataset.id}`, { method: 'DELETE', cookie: owner.cookie });
    expect(removed.status).toBe(204);
    const pipeline = await pipelineWithGraph(server(), owner, titanicGraph(dataset.id));

    const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
    expect(run).toMatchObject({ status: 'failed', exitCode: null });
    expect(run.error).toBe(
      `Dataset ${dataset.id} (read by node “Titanic”) was deleted; upload the file again and choose it in the node, then run again.`,
    );
  });

  test('the pre-run validation knows the attached dataset’s columns', async () => {
    const { url } = server();
    const dataset = await uploadDataset(url, owner, { file: 'titanic.csv' });
    const pipeline = await pipelineWithGraph(
      server(),
      owner,
      titanicGraph(dataset.id, { target: 'Survived' }),
    );
    await attachDataset(url, owner, pipeline.id, dataset.id);
    const response = await api(url, `/api/pipelines/${pipeline.id}/runs`, { body: {}, cookie: owner.cookie });
    expect(response.status).toBe(422);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.problems).toContainEqual(
      expect.objectContaining({ code: 'unknown-column', nodeId: 'target', param: 'target' }),
    );
  });
});
