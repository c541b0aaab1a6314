/**
 * Web Worker: code generation off the main thread. Create it with
 * `new Worker(new URL('./codegen.worker.ts', import.meta.url), { type: 'module' })` and
 * `wrap<CodegenApi>(worker)` from comlink.
 */
import { expose, transfer } from 'comlink';
import { type CodegenApi, codegenApi } from './codegen-api.ts';

const api: CodegenApi = {
  ...codegenApi,
  // Hand the zip's buffer over instead of copying it.
  bundle: (graph, options) => {
    const bytes = codegenApi.bundle(graph, options);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

expose(api);
