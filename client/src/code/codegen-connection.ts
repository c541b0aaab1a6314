/**
 * The code generation worker behind a small interface, so createCodegen can run against a fake
 * in tests and the real worker (workers/codegen.worker.ts, through comlink) in the app.
 */
import { releaseProxy, wrap } from 'comlink';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import type { CodegenApi, GenerateOptions, HighlightedResult } from '../../../workers/codegen-api.ts';

export interface CodegenConnection {
  /** Code, source map, problems and the code's syntax highlighting. */
  generate(graph: PipelineGraph, options: GenerateOptions): Promise<HighlightedResult>;
  dispose(): void;
}

/**
 * Starts a worker. comlink's promises never settle if the worker dies, so a crash rejects every
 * request still waiting (and the next ones): the panel then says so instead of spinning forever.
 */
export function connectCodegenWorker(): CodegenConnection {
  const worker = new Worker(new URL('../../../workers/codegen.worker.ts', import.meta.url), {
    type: 'module',
    name: 'codegen',
  });
  const api = wrap<CodegenApi>(worker);
  let crash: Error | null = null;
  const waiting = new Set<(error: Error) => void>();
  worker.addEventListener('error', (event) => {
    crash = new Error(event.message || 'The code generator stopped');
    for (const reject of waiting) reject(crash);
    waiting.clear();
  });
  return {
    generate(graph, options) {
      if (crash) return Promise.reject(crash);
      return new Promise<HighlightedResult>((resolve, reject) => {
        waiting.add(reject);
        api
          .generateHighlighted(graph, options)
          .then(resolve, reject)
          .finally(() => waiting.delete(reject));
      });
    },
    dispose() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}
