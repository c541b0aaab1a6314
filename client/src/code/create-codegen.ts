/**
 * `createCodegen(doc)`: the live Python, source map and problems of a pipeline document.
 *
 * Every collaborator's edits land in the same Y.Doc, so observing it is all it takes for everyone's
 * code panel and problems to follow everyone's changes. The main thread only reads the document
 * into a plain graph (cheap) after a quiet period; generation and validation run in the worker,
 * and the page never waits on them (see codegen-scheduler.ts for the timing rules).
 */
import { type Accessor, batch, createEffect, createSignal, on, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import type { DatasetFactsById } from '../../../shared/analysis/tables.ts';
import type { SourceMapEntry } from '../../../shared/codegen/index.ts';
import { getEdgesMap, getMetaMap, getNodesMap } from '../../../shared/doc/index.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import type { Problem } from '../../../shared/validation/index.ts';
import type { HighlightedResult } from '../../../workers/codegen-api.ts';
import { reuseProblems } from '../problems/reuse-problems.ts';
import { type CodegenConnection, connectCodegenWorker } from './codegen-connection.ts';
import { type CodegenInput, codegenInputKey, readCodegenInput } from './codegen-input.ts';
import { makeCodegenScheduler, type SchedulerTimers } from './codegen-scheduler.ts';

/** Long enough to fold a burst of keystrokes or a remote update into one run, short enough to feel live. */
export const CODEGEN_DEBOUNCE_MS = 120;

export interface Codegen {
  code: Accessor<string>;
  sourceMap: Accessor<readonly SourceMapEntry[]>;
  /** Syntax highlighting of `code` (workers/python-tokens.ts). */
  tokens: Accessor<Uint32Array>;
  problems: Accessor<readonly Problem[]>;
  /** The graph the current code and problems were generated from (labels for the problem list). */
  graph: Accessor<PipelineGraph>;
  /** A change is waiting or being generated; the shown code may be a moment old. */
  pending: Accessor<boolean>;
  /** Why the last generation failed, until one succeeds. */
  error: Accessor<string | null>;
}

export interface CodegenOptions {
  delayMs?: number;
  /** Profiles of the pipeline's datasets (columns of CSV nodes) for validation; a change regenerates. */
  datasets?: Accessor<DatasetFactsById>;
  /** Defaults to the real worker; tests pass a fake. */
  connect?: () => CodegenConnection;
  timers?: SchedulerTimers;
}

const EMPTY_GRAPH: PipelineGraph = { nodes: [], edges: [] };

export function createCodegen(doc: Y.Doc, options: CodegenOptions = {}): Codegen {
  const [script, setScript] = createSignal<Pick<HighlightedResult, 'code' | 'sourceMap' | 'tokens'>>({
    code: '',
    sourceMap: [],
    tokens: new Uint32Array(0),
  });
  const [problems, setProblems] = createSignal<readonly Problem[]>([]);
  const [graph, setGraph] = createSignal<PipelineGraph>(EMPTY_GRAPH);
  const [pending, setPending] = createSignal(true);
  const [error, setError] = createSignal<string | null>(null);

  let connection: CodegenConnection | null = null;
  try {
    connection = (options.connect ?? connectCodegenWorker)();
  } catch (cause) {
    setError(`The code generator could not start: ${messageOf(cause)}`);
    setPending(false);
  }

  const scheduler = makeCodegenScheduler<CodegenInput, HighlightedResult>({
    delayMs: options.delayMs ?? CODEGEN_DEBOUNCE_MS,
    timers: options.timers,
    read: () => readCodegenInput(doc, options.datasets?.()),
    key: codegenInputKey,
    run: (input) =>
      connection
        ? connection.generate(input.graph, {
            title: input.title,
            ...(Object.keys(input.datasets).length > 0 ? { datasets: input.datasets } : {}),
          })
        : Promise.reject(new Error('The code generator is not running')),
    onResult: (next, input) => {
      batch(() => {
        setScript({ code: next.code, sourceMap: next.sourceMap, tokens: next.tokens });
        setProblems((previous) => reuseProblems(previous, next.problems));
        setGraph(input.graph);
        setError(null);
      });
    },
    onError: (cause) => setError(`Code generation failed: ${messageOf(cause)}`),
    onPending: setPending,
  });

  const changed = () => scheduler.changed();
  const maps = [getNodesMap(doc), getEdgesMap(doc), getMetaMap(doc)];
  for (const map of maps) map.observeDeep(changed);
  if (options.datasets) createEffect(on(options.datasets, changed, { defer: true }));
  if (connection) scheduler.flush();

  onCleanup(() => {
    for (const map of maps) map.unobserveDeep(changed);
    scheduler.dispose();
    connection?.dispose();
  });

  return {
    code: () => script().code,
    sourceMap: () => script().sourceMap,
    tokens: () => script().tokens,
    problems,
    graph,
    pending,
    error,
  };
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
