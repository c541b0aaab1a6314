/**
 * The page of the codegen benchmark (test/bench/codegen.ts builds and serves it): a 500-node
 * pipeline in a Y.Doc, the app's createCodegen and <CodeEditor> (the real worker, the real
 * editor), and a small `window.bench` API the benchmark drives through Playwright.
 *
 * `?mode=main` is the baseline: the same generation on the main thread, as it would be without
 * the worker.
 */
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import '../../../client/src/styles/index.css';
import '../../../client/src/code/code.css';
import { CodeEditor } from '../../../client/src/code/CodeEditor.tsx';
import type { CodegenConnection } from '../../../client/src/code/codegen-connection.ts';
import { createCodegen } from '../../../client/src/code/create-codegen.ts';
import { linesOfNodes } from '../../../client/src/code/source-map.ts';
import { MIGRATION_ORIGIN, setParam } from '../../../shared/doc/index.ts';
import { codegenApi } from '../../../workers/codegen-api.ts';
import { makeScene, sceneDoc } from '../../fixtures/scenes/index.ts';

export interface CodegenBenchApi {
  nodes: number;
  /** Sets C of one logistic regression; the code then contains `C=<value>`. */
  edit(value: number): void;
  code(): string;
  pending(): boolean;
  select(nodeId: string): void;
}

declare global {
  interface Window {
    bench?: CodegenBenchApi;
  }
}

const SCENE = { nodes: 500, edges: 750, seed: 7 };
const scene = makeScene(SCENE);
const doc = sceneDoc(scene, { name: 'Bench' });
const model = scene.nodes.find((node) => node.type === 'sklearn.linear_model.LogisticRegression');
if (!model) throw new Error('the scene has no logistic regression');

const onMainThread: CodegenConnection = {
  generate: async (graph, options) => codegenApi.generateHighlighted(graph, options),
  dispose() {},
};
const mode = new URLSearchParams(location.search).get('mode');

render(() => {
  const codegen = createCodegen(doc, mode === 'main' ? { connect: () => onMainThread } : {});
  const [selection, setSelection] = createSignal<readonly string[]>([]);
  window.bench = {
    nodes: scene.nodes.length,
    edit: (value) => setParam(doc, MIGRATION_ORIGIN, model.id, 'C', value),
    code: codegen.code,
    pending: codegen.pending,
    select: (nodeId) => setSelection([nodeId]),
  };
  return (
    <div style={{ display: 'flex', 'flex-direction': 'column', width: '420px', height: '720px' }}>
      <CodeEditor
        code={codegen.code()}
        tokens={codegen.tokens()}
        highlight={linesOfNodes(codegen.sourceMap(), selection())}
        revealKey={selection().join('\n')}
        onActivateLine={() => {}}
        label="Generated Python code"
      />
    </div>
  );
}, document.getElementById('root')!);
