/**
 * The canvas harness page (see vite.config.ts beside it): the builder's three columns (library,
 * canvas, inspector) over a local Y.Doc, with live validation, undo, and optionally a simulated
 * second person. `window.__harness` exposes the document to browser tests.
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import { render } from 'solid-js/web';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { catalog } from '../../../../shared/catalog/index.ts';
import {
  colorForUser,
  createUndoManager,
  createUserOrigin,
  type NodePosition,
  type PipelineMeta,
  readDocument,
  toGraph,
} from '../../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../../shared/graph/types.ts';
import { validateGraph } from '../../../../shared/validation/validate.ts';
import { makeScene, sceneDoc, templateScene } from '../../../../test/fixtures/scenes/index.ts';
import '../../styles/index.css';
import { ComponentLibrary } from '../../panels/ComponentLibrary.tsx';
import { Inspector } from '../../panels/Inspector.tsx';
import { canvasStats } from '../canvas-stats.ts';
import { type CanvasApi, PipelineCanvas } from '../PipelineCanvas.tsx';
import type { CanvasProblem } from '../scope.ts';
import { readHarnessOptions } from './harness-options.ts';
import './harness.css';
import { connectPeer } from './simulated-peer.ts';

declare global {
  interface Window {
    __harness?: {
      doc: Y.Doc;
      graph(): PipelineGraph;
      meta(): PipelineMeta;
      undo(): void;
      peer: {
        select(ids: string[]): void;
        cursor(x: number, y: number): void;
        /**
         * Moves nodes on the peer's replica (in a worker): arrives here later as a remote update,
         * like a collaborator's edit.
         */
        move(positions: readonly NodePosition[]): void;
      } | null;
      /** From the start of the harness script to the first frame after the canvas rendered. */
      mountMs: number;
      /** How many cards and edges have mounted so far (canvas-stats.ts). */
      mounts(): { cards: number; edges: number };
    };
  }
}

const started = performance.now();
const options = readHarnessOptions(location.search);
document.documentElement.dataset.theme = options.theme;

function buildDoc(): Y.Doc {
  if (options.scene === 'empty') return sceneDoc({ nodes: [], edges: [] }, { name: 'Empty' });
  if (options.scene === 'large') {
    return sceneDoc(makeScene({ nodes: options.nodes, edges: options.edges, seed: options.seed }), {
      name: 'Large',
    });
  }
  return sceneDoc(templateScene(options.scene), { name: options.scene });
}

function Harness() {
  const doc = buildDoc();
  const localUser = { id: 'ada', name: 'Ada', color: colorForUser('ada') };
  const origin = createUserOrigin(localUser.id);
  const undoManager = createUndoManager(doc, origin);
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: localUser, cursor: null, selection: [], drag: null });
  onCleanup(() => awareness.destroy());

  const [selection, setSelection] = createSignal<string[]>([]);
  const [problems, setProblems] = createSignal<CanvasProblem[]>([]);
  let api: CanvasApi | null = null;

  if (options.problems) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const validate = () => setProblems(validateGraph(toGraph(doc), catalog));
    validate();
    // Debounced like the app's worker would be: validation is not worth running per keystroke.
    doc.on('update', () => {
      clearTimeout(timer);
      timer = setTimeout(validate, 150);
    });
  }

  let peer: NonNullable<Window['__harness']>['peer'] = null;
  if (options.peer) {
    const p = connectPeer(doc, awareness);
    onCleanup(() => p.disconnect());
    const grace = { id: 'grace-hopper', name: 'Grace', color: colorForUser('grace-hopper') };
    p.awareness.setLocalState({ user: grace, cursor: null, selection: [], drag: null });
    peer = {
      select: (ids) => p.awareness.setLocalStateField('selection', ids),
      cursor: (x, y) => p.awareness.setLocalStateField('cursor', { x, y }),
      move: (positions) => p.move(positions),
    };
  }

  window.__harness = {
    doc,
    graph: () => toGraph(doc),
    meta: () => readDocument(doc).meta,
    undo: () => undoManager.undo(),
    peer,
    mountMs: Number.NaN,
    mounts: () => ({ cards: canvasStats.cardMounts, edges: canvasStats.edgeMounts }),
  };
  requestAnimationFrame(() => {
    if (window.__harness) window.__harness.mountMs = performance.now() - started;
  });

  return (
    <div class="harness" classList={{ 'harness--bare': !options.panels }}>
      <Show when={options.panels}>
        <aside class="harness__library">
          <ComponentLibrary
            registry={catalog}
            readOnly={options.readOnly}
            onAdd={(type, at) => api?.addComponent(type, at)}
          />
        </aside>
      </Show>
      <main class="harness__canvas">
        <PipelineCanvas
          doc={doc}
          registry={catalog}
          readOnly={options.readOnly}
          userOrigin={origin}
          undoManager={undoManager}
          awareness={awareness}
          localUser={localUser}
          problems={problems()}
          runningNodeId={options.running}
          onSelectionChange={setSelection}
          onReady={(ready) => {
            api = ready;
          }}
        />
      </main>
      <Show when={options.panels}>
        <aside class="harness__inspector">
          <Inspector
            doc={doc}
            registry={catalog}
            selection={selection()}
            readOnly={options.readOnly}
            userOrigin={origin}
          />
        </aside>
      </Show>
    </div>
  );
}

const root = document.getElementById('app');
if (!root) throw new Error('harness page has no #app');
render(() => <Harness />, root);
