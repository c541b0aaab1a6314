/**
 * Run artifacts are blobs outside the database's cascades: deleting a version or a pipeline
 * removes the blobs of the runs that went with it, and leaves other pipelines' alone.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { artifacts, runs } from '../../server/db/schema.ts';
import { api, registerUser } from './helpers/accounts.ts';
import { pipelineWithGraph, startRun, templateGraph, waitForRunEnd } from './helpers/runs.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const server = useSuiteServer();

async function artifactKeys(runId: string): Promise<string[]> {
  const rows = await server()
    .context.database.db.select({ key: artifacts.storageKey })
    .from(artifacts)
    .where(eq(artifacts.runId, runId));
  return rows.map((row) => row.key);
}

async function stored(key: string): Promise<boolean> {
  const blob = await server().context.blobs.get(key);
  await blob?.stream.cancel();
  return blob !== null;
}

/** Runs the iris template (it saves its fitted model) to success; its artifacts' blob keys. */
async function succeededRun(owner: Awaited<ReturnType<typeof registerUser>>, pipelineId: string) {
  const run = await startRun(server().url, owner, pipelineId);
  expect((await waitForRunEnd(server().url, owner, run)).status).toBe('succeeded');
  const keys = await artifactKeys(run.id);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(await stored(key)).toBe(true);
  return { run, keys };
}

describe('artifact blobs follow their runs', () => {
  test('deleting a version removes the blobs of its runs', async () => {
    const { url } = server();
    const owner = await registerUser(url);
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const { run, keys } = await succeededRun(owner, pipeline.id);
    const other = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const untouched = await succeededRun(owner, other.id);

    const response = await api(url, `/api/versions/${run.version.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(response.status).toBe(204);
    const [row] = await server().context.database.db.select().from(runs).where(eq(runs.id, run.id));
    expect(row).toBeUndefined();
    for (const key of keys) expect(await stored(key)).toBe(false);
    for (const key of untouched.keys) expect(await stored(key)).toBe(true);
  }, 120_000);

  test('deleting a pipeline removes the blobs of all its runs', async () => {
    const { url } = server();
    const owner = await registerUser(url);
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const first = await succeededRun(owner, pipeline.id);
    const second = await succeededRun(owner, pipeline.id);
    const other = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const untouched = await succeededRun(owner, other.id);

    const response = await api(url, `/api/pipelines/${pipeline.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(response.status).toBe(204);
    for (const key of [...first.keys, ...second.keys]) expect(await stored(key)).toBe(false);
    for (const key of untouched.keys) expect(await stored(key)).toBe(true);
  }, 120_000);
});
