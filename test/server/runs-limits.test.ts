/**
 * What a run may not do: outlive its time limit (its process group ends with it), fill the log
 * past the cap (one visible notice, the run goes on), or execute anything but the code generated
 * from the version's graph — hostile parameter text and a `code` field in the request included.
 * The sandbox is off here, so escaping alone is what stops an injection.
 */
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { VersionDetail } from '../../shared/api/types.ts';
import { api, registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import {
  allLogLines,
  failingCsvPipeline,
  pipelineWithGraph,
  processesInGroup,
  processGroupInAwareness,
  slowGraph,
  startRun,
  templateGraph,
  waitForRunEnd,
} from './helpers/runs.ts';
import { useSuiteServer } from './helpers/suite-server.ts';
import { json } from './helpers/versions.ts';

const TIMEOUT_MS = 8_000;
const LOG_CAP_BYTES = 600;

const server = useSuiteServer({
  config: {
    runTimeoutMs: TIMEOUT_MS,
    runLogMaxBytes: LOG_CAP_BYTES,
    runSandbox: 'none',
    runnerConcurrency: 2,
  },
});
let owner: TestUser;

beforeAll(async () => {
  owner = await registerUser(server().url);
});

describe('time limit', () => {
  test('a run past RUN_TIMEOUT_MS ends timed_out, and nothing of its process group is left', async () => {
    const { url } = server();
    const pipeline = await pipelineWithGraph(server(), owner, slowGraph());
    const watcher = connectCollab(url, pipeline.id, { cookie: owner.cookie });
    await watcher.synced;
    const run = await startRun(url, owner, pipeline.id);
    const pgid = await processGroupInAwareness(watcher, run.id);
    const ended = await waitForRunEnd(url, owner, run);
    expect(ended.status).toBe('timed_out');
    expect(ended.error).toBe('Stopped after the time limit of 8 s (RUN_TIMEOUT_MS).');
    expect(processesInGroup(pgid)).toEqual([]);
    expect(ended.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
  }, 60_000);
});

describe('log cap', () => {
  test('output past RUN_LOG_MAX_BYTES leaves one notice; the run still succeeds and counts every byte', async () => {
    const { url } = server();
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
    expect(run.status).toBe('succeeded');
    expect(run.truncated).toBe(true);
    const lines = await allLogLines(url, owner, run.id);
    const notices = lines.filter((line) => line.text.startsWith('Log truncated'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.stream).toBe('system');
    const kept = lines.filter((line) => line.stream !== 'system');
    const keptBytes = kept.reduce((sum, line) => sum + Buffer.byteLength(line.text) + 1, 0);
    expect(keptBytes).toBeLessThanOrEqual(LOG_CAP_BYTES);
    expect(run.logBytes).toBeGreaterThan(LOG_CAP_BYTES);
    expect(lines.at(-1)?.text).toMatch(/^Run succeeded/);
    // The metrics still arrived: the cap limits what is stored, not what is read.
    expect(run.metrics.map((metric) => metric.name)).toContain('accuracy');
  });
});

describe('hostile input', () => {
  test('parameter and label text reach Python only as escaped literals', async () => {
    const { url } = server();
    const marker = path.join(os.tmpdir(), `dominoml-pwned-${process.pid}-${Date.now()}`);
    // Every way out of a string literal at once, in the free-text parameter a run reads.
    const attempts = [
      `\nimport os; os.system('touch ${marker}-a')\nx = '''`,
      `x.csv'); import os; os.system('touch ${marker}-b'); ('x.csv"); import os; os.system("touch ${marker}-c"); (" """ + __import__('os').system('touch ${marker}-d') + """ \\'; import os; os.system('touch ${marker}-e') #`,
    ];
    // Two at a time (the worker's concurrency): each run only has to reach its failure on the data.
    await Promise.all(
      attempts.map(async (attempt, index) => {
        const pipeline = await failingCsvPipeline(server(), owner, {
          filename: attempt,
          label: `Label ${index}\nimport os; os.system('touch ${marker}-label')`,
          name: `Name\nimport os; os.system('touch ${marker}-name')`,
        });
        const run = await waitForRunEnd(url, owner, await startRun(url, owner, pipeline.id));
        // The text was a fallback file name in a string literal, nothing more: the script ran
        // on to its (expected) failure on the data.
        expect(run.status).toBe('failed');
        expect(run.error).toMatch(/ValueError: The least populated class/);
        const version = await json<VersionDetail>(
          await api(url, `/api/versions/${run.version.id}`, { cookie: owner.cookie }),
          200,
        );
        expect(version.code).not.toContain(`\nimport os; os.system('touch ${marker}`);
      }),
    );
    for (const suffix of ['a', 'b', 'c', 'd', 'e', 'label', 'name']) {
      expect(existsSync(`${marker}-${suffix}`), `${marker}-${suffix}`).toBe(false);
      rmSync(`${marker}-${suffix}`, { force: true });
    }
  }, 90_000);

  test('a `code` field in the request is ignored: the generated code runs', async () => {
    const { url } = server();
    const marker = path.join(os.tmpdir(), `dominoml-pwned-code-${process.pid}-${Date.now()}`);
    const pipeline = await pipelineWithGraph(server(), owner, templateGraph('iris-logistic-regression'));
    const response = await api(url, `/api/pipelines/${pipeline.id}/runs`, {
      body: { code: `import os\nos.system('touch ${marker}')\n` },
      cookie: owner.cookie,
    });
    const run = await waitForRunEnd(url, owner, await json(response, 202));
    expect(run.status).toBe('succeeded');
    expect(existsSync(marker)).toBe(false);
  });
});
