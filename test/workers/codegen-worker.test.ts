/**
 * The worker file itself, loaded in a Node worker thread behind comlink's Node adapter: what the
 * browser gets through `wrap<CodegenApi>(new Worker(...))`.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Endpoint, type Remote, wrap } from 'comlink';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generatePython } from '../../shared/codegen/generate-python.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { templates } from '../../shared/templates/index.ts';
import { type CodegenApi, codegenApi } from '../../workers/codegen-api.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const WORKER = fileURLToPath(new URL('../../workers/codegen.worker.ts', import.meta.url));
const ADAPTER = fileURLToPath(
  new URL('../../node_modules/comlink/dist/esm/node-adapter.mjs', import.meta.url),
);

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

/** comlink ships its Node adapter as a bare .mjs without types. */
type NodeEndpointFactory = (port: Worker) => Endpoint;

let worker: Worker;
let api: Remote<CodegenApi>;
beforeAll(async () => {
  const adapter = (await import(ADAPTER)) as { default: NodeEndpointFactory };
  worker = new Worker(BOOTSTRAP, { eval: true });
  api = wrap<CodegenApi>(adapter.default(worker));
});
afterAll(async () => {
  await worker.terminate();
});

const graph = templates[0]!.graph;

describe('codegen worker', () => {
  it('returns code, source map and problems in one call', async () => {
    const result = await api.generate(graph, { title: 'Iris' });
    expect(result.code).toBe(generatePython(graph, undefined, { title: 'Iris' }).code);
    expect(result.sourceMap.length).toBeGreaterThan(0);
    expect(result.problems).toEqual([]);
    const broken = { ...graph, edges: graph.edges.slice(1) };
    expect((await api.generate(broken)).problems.map((problem) => problem.code)).toContain('missing-input');
  });

  it('passes dataset profiles to the lint', () => {
    const csv: PipelineGraph = {
      nodes: [
        { id: 'csv', type: 'dominoml.data.CsvDataset', label: 'CSV', params: { datasetId: 'd1' } },
        { id: 'drop', type: 'dominoml.prepare.DropColumns', label: 'Drop', params: { columns: ['nope'] } },
      ],
      edges: [{ id: 'e', source: 'csv', sourcePort: 'table', target: 'drop', targetPort: 'table' }],
    };
    const datasets = { d1: { columns: [{ name: 'a', dtype: 'float64', missing: 0 }] } };
    const codes = codegenApi.generate(csv, { datasets }).problems.map((problem) => problem.code);
    expect(codes).toContain('unknown-column');
  });

  it('serves the notebook, requirements and a zip bundle', async () => {
    expect(JSON.parse(await api.notebook(graph)).nbformat).toBe(4);
    expect(await api.requirements()).toContain('scikit-learn==1.2.1');
    const bundle = await api.bundle(graph);
    expect(Object.keys(unzipSync(bundle))).toContain('pipeline.py');
  });
});
