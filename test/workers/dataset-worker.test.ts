/**
 * The dataset worker file in a Node worker thread behind comlink's Node adapter, as the browser
 * uses it: a Blob in, progress through a proxied callback, profile and suggestions (or a typed
 * error) out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Endpoint, proxy, type Remote, wrap } from 'comlink';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { datasetFacts } from '../../shared/datasets/profile/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { codegenApi } from '../../workers/codegen-api.ts';
import { type DatasetApi, datasetApi, type ProfileProgress } from '../../workers/dataset-api.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const WORKER = fileURLToPath(new URL('../../workers/dataset.worker.ts', import.meta.url));
const ADAPTER = fileURLToPath(
  new URL('../../node_modules/comlink/dist/esm/node-adapter.mjs', import.meta.url),
);
const TITANIC = path.resolve(import.meta.dirname, '../../../shared/data/titanic.csv');

/** Gives the worker thread the `self`-style message API comlink's `expose` uses in a browser. */
const BOOTSTRAP = `
  import { parentPort } from 'node:worker_threads';
  const { default: nodeEndpoint } = await import(${JSON.stringify(ADAPTER)});
  const endpoint = nodeEndpoint(parentPort);
  globalThis.addEventListener = endpoint.addEventListener.bind(endpoint);
  globalThis.removeEventListener = endpoint.removeEventListener.bind(endpoint);
  globalThis.postMessage = endpoint.postMessage.bind(endpoint);
  await import(${JSON.stringify(WORKER)});
`;

type NodeEndpointFactory = (port: Worker) => Endpoint;

let worker: Worker;
let api: Remote<DatasetApi>;
beforeAll(async () => {
  const adapter = (await import(ADAPTER)) as { default: NodeEndpointFactory };
  worker = new Worker(BOOTSTRAP, { eval: true });
  api = wrap<DatasetApi>(adapter.default(worker));
});
afterAll(async () => {
  await worker.terminate();
});

describe('dataset worker', () => {
  it('profiles a Blob with progress and returns suggestions', async () => {
    const file = new Blob([readFileSync(TITANIC)]);
    const progress: ProfileProgress[] = [];
    const result = await api.profileFile(
      file,
      {},
      proxy((step: ProfileProgress) => {
        progress.push(step);
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.profile.rows).toBe(891);
    expect(result.profile.target?.column).toBe('survived');
    expect(result.suggestions.map((suggestion) => suggestion.id)).toContain('impute-numeric');
    expect(progress.at(-1)).toEqual({ bytesDone: file.size, bytesTotal: file.size });
  });

  it('returns a typed error with its line for a ragged file', async () => {
    const result = await api.profileFile(new Blob(['a,b\n1,2\n3\n']), {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'ragged-row', line: 3, message: 'Line 3: row 2 has 1 field, but the header has 2.' },
    });
  });

  it('reports progress every megabyte on a larger file', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i % 97},${(i * 0.37).toFixed(2)},c${i % 7}`);
    const file = new Blob([`a,b,c\n${rows.join('\n')}\n`]);
    const steps: number[] = [];
    const result = await datasetApi.profileFile(file, {}, (step) => steps.push(step.bytesDone));
    expect(result.ok).toBe(true);
    expect(steps.length).toBeGreaterThanOrEqual(Math.floor(file.size / (1024 * 1024)));
    expect(steps.at(-1)).toBe(file.size);
  });

  it('the profile feeds the lint: column names are checked against it', async () => {
    const result = await datasetApi.profileFile(new Blob([readFileSync(TITANIC)]));
    if (!result.ok) throw new Error(result.error.message);
    const facts = datasetFacts(result.profile);
    const graph: PipelineGraph = {
      nodes: [
        { id: 'csv', type: 'dominoml.data.CsvDataset', label: 'CSV', params: { datasetId: 'titanic' } },
        {
          id: 'drop',
          type: 'dominoml.prepare.DropColumns',
          label: 'Drop',
          params: { columns: ['no_such_column'] },
        },
      ],
      edges: [{ id: 'e', source: 'csv', sourcePort: 'table', target: 'drop', targetPort: 'table' }],
    };
    const codes = codegenApi.generate(graph, { datasets: { titanic: facts } }).problems.map((p) => p.code);
    expect(codes).toContain('unknown-column');
  });
});
