/** Catalog, templates and exports over HTTP: the server runs the same generator as the browser. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import type { PipelineSummary } from '../../shared/api/types.ts';
import { generatePython } from '../../shared/codegen/index.ts';
import { toGraph } from '../../shared/doc/index.ts';
import { addMember, api, registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import { useSuiteServer } from './helpers/suite-server.ts';

const run = promisify(execFile);
const server = useSuiteServer();
let owner: TestUser;
let pipeline: PipelineSummary;

beforeAll(async () => {
  owner = await registerUser(server().url);
  const response = await api(server().url, '/api/pipelines', {
    body: { name: 'Iris "quoted"\nname', template: 'iris-logistic-regression' },
    cookie: owner.cookie,
  });
  expect(response.status).toBe(201);
  pipeline = (await response.json()) as PipelineSummary;
});

describe('catalog and templates', () => {
  test('components and templates are listed for signed-in people only', async () => {
    const components = await api(server().url, '/api/components', { cookie: owner.cookie });
    expect(components.status).toBe(200);
    const list = (await components.json()) as { id: string; inputs: unknown[]; params: unknown[] }[];
    expect(list.length).toBeGreaterThanOrEqual(35);
    expect(list.map((c) => c.id)).toContain('sklearn.preprocessing.StandardScaler');
    const templates = (await (
      await api(server().url, '/api/templates', { cookie: owner.cookie })
    ).json()) as unknown[];
    expect(templates.length).toBeGreaterThanOrEqual(6);
    expect((await api(server().url, '/api/components')).status).toBe(401);
    expect((await api(server().url, '/api/templates')).status).toBe(401);
  });

  test('a pipeline created from a template opens with the template’s graph', async () => {
    const client = connectCollab(server().url, pipeline.id, { cookie: owner.cookie });
    await client.synced;
    const graph = toGraph(client.doc);
    expect(graph.nodes.length).toBeGreaterThanOrEqual(4);
    expect(graph.edges.length).toBeGreaterThanOrEqual(3);
    expect(client.doc.getMap('meta').get('name')).toBe('Iris "quoted"\nname');
  });

  test('an unknown template is refused and creates nothing', async () => {
    const before = (await (await api(server().url, '/api/pipelines', { cookie: owner.cookie })).json()) as {
      total: number;
    };
    const response = await api(server().url, '/api/pipelines', {
      body: { name: 'Nope', template: '../../etc/passwd' },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(400);
    const after = (await (await api(server().url, '/api/pipelines', { cookie: owner.cookie })).json()) as {
      total: number;
    };
    expect(after.total).toBe(before.total);
  });
});

describe('exports', () => {
  test('the Python export equals the shared generator’s output for the live document, and runs', async () => {
    const response = await api(server().url, `/api/pipelines/${pipeline.id}/export/python`, {
      cookie: owner.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="iris_quoted_name.py"');
    const code = await response.text();
    const client = connectCollab(server().url, pipeline.id, { cookie: owner.cookie });
    await client.synced;
    expect(code).toBe(generatePython(toGraph(client.doc), undefined, { title: 'Iris "quoted"\nname' }).code);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-export-'));
    try {
      writeFileSync(path.join(dir, 'pipeline.py'), code);
      const report = path.join(dir, 'report.jsonl');
      await run('/usr/bin/python3', ['pipeline.py'], {
        cwd: dir,
        env: { ...process.env, DOMINOML_REPORT: report },
      });
      const events = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; value?: number });
      const metrics = events.filter((e) => e.type === 'metric');
      expect(metrics.length).toBeGreaterThan(0);
      for (const metric of metrics) expect(Number.isFinite(metric.value)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('notebook, requirements and Docker bundle', async () => {
    const notebook = await api(server().url, `/api/pipelines/${pipeline.id}/export/notebook`, {
      cookie: owner.cookie,
    });
    expect((JSON.parse(await notebook.text()) as { nbformat: number }).nbformat).toBe(4);
    const requirements = await (
      await api(server().url, `/api/pipelines/${pipeline.id}/export/requirements`, { cookie: owner.cookie })
    ).text();
    expect(requirements).toMatch(/^scikit-learn==/m);
    const zip = await api(server().url, `/api/pipelines/${pipeline.id}/export/docker`, {
      cookie: owner.cookie,
    });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['Dockerfile', 'requirements.txt']));
  });

  test('viewers may export; outsiders get 404; unknown formats get 404', async () => {
    const viewer = await registerUser(server().url);
    const outsider = await registerUser(server().url);
    await addMember(server().url, owner, pipeline.id, viewer, 'viewer');
    const url = `/api/pipelines/${pipeline.id}/export/python`;
    expect((await api(server().url, url, { cookie: viewer.cookie })).status).toBe(200);
    expect((await api(server().url, url, { cookie: outsider.cookie })).status).toBe(404);
    expect((await api(server().url, url)).status).toBe(401);
    const unknown = await api(server().url, `/api/pipelines/${pipeline.id}/export/exe`, {
      cookie: owner.cookie,
    });
    expect(unknown.status).toBe(404);
  });
});
