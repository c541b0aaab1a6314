/**
 * Web Worker: code generation off the main thread. Create it with
 * `new Worker(new URL('./codegen.worker.ts', import.meta.url), { type: 'module' })` and
 * `wrap<CodegenApi>(worker)` from comlink.
 */
import { expose, transfer } from 'comlink';
import { type CodegenApi, codegenApi } from './codegen-api.ts';

const api: CodegenApi = {
  ...codegenApi,
  // Hand the token and zip buffers over instead of copying them.
  generateHighlighted: (graph, options) => {
    const result = codegenApi.generateHighlighted(graph, options);
    return transfer(result, [result.tokens.buffer as ArrayBuffer]);
  },
  bundle: (graph, options) => {
    const bytes = codegenApi.bundle(graph, options);
    return transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
};

expose(api);
