/**
 * Every template runs to `succeeded` through the whole path — POST, queue, worker, sandboxed
 * Python, report protocol — with its metrics stored against the version it ran. Six runs share one
 * worker running two at a time.
 */
import { beforeAll, expect, test } from 'vitest';
import type { VersionMetrics } from '../../shared/api/runs.ts';
import { templates } from '../../shared/templates/index.ts';
import { api, registerUser, type TestUser } from './helpers/accounts.ts';
import { startRun, waitForRunEnd } from './helpers/runs.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import { createTemplatePipeline, json } from './helpers/versions.ts';

const server = useSuiteServer({ config: { runnerConcurrency: 2 } });
let owner: TestUser;

beforeAll(async () => {
  owner = await registerUser(server().url);
});

test('every template runs to succeeded, with its metrics stored against its version', async () => {
  const { url } = server();
  const started = await Promise.all(
    templates.map(async (template) => {
      const pipeline = await createTemplatePipeline(url, owner, template.name, template.id);
      return { template, run: await startRun(url, owner, pipeline.id) };
    }),
  );
  // A worker may have claimed a run between its insert and the response.
  for (const { run } of started) expect(['queued', 'running']).toContain(run.status);

  const finished = await Promise.all(started.map(({ run }) => waitForRunEnd(url, owner, run, 120_000)));
  for (const [index, run] of finished.entries()) {
    const { template } = started[index]!;
    expect({ template: template.id, status: run.status, error: run.error }).toEqual({
      template: template.id,
      status: 'succeeded',
      error: null,
    });
    expect(run.exitCode).toBe(0);
    expect(run.version.name).toBe('Snapshot for a run');
    const metrics = await json<VersionMetrics>(
      await api(url, `/api/versions/${run.version.id}/metrics`, { cookie: owner.cookie }),
      200,
    );
    expect(metrics.runs.map((entry) => entry.run.id)).toEqual([run.id]);
    const stored = metrics.runs[0]!.metrics;
    expect(stored.length, `${template.id} reported no metrics`).toBeGreaterThan(0);
    for (const metric of stored) expect(metric.value === null || Number.isFinite(metric.value)).toBe(true);
    expect(run.metrics).toEqual(stored.filter((metric) => metric.step === null));
  }
}, 180_000);
