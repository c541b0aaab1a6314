/**
 * Everything about runs that the builder shares between the top bar, the canvas and the drawer:
 * the live runs (awareness), the run list (REST), which run the console shows, and the actions
 * (start, cancel). The console follows a run as soon as it appears live, unless the person picked
 * another one since.
 */
import { type Accessor, createEffect, createMemo, createSignal, on } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type { RunSummary } from '../../../shared/api/runs.ts';
import type { RunAwareness } from '../../../shared/doc/awareness.ts';
import type { StatelessSubscribe } from '../versions/create-record-listener.ts';
import { createRunList, type RunList } from './create-run-list.ts';
import { createRunPresence, type RunPresence } from './create-run-presence.ts';
import type { RunsApi } from './runs-api.ts';

export interface RunWorkspace {
  presence: RunPresence;
  list: RunList;
  /** The run the console shows. */
  consoleRunId: Accessor<string | null>;
  showInConsole(runId: string): void;
  /** Live state of the console's run, if a runner publishes it. */
  consoleLive: Accessor<RunAwareness | undefined>;
  consoleSummary: Accessor<RunSummary | undefined>;
  /** The node executing now, for the canvas glow. */
  runningNodeId: Accessor<string | null>;
  /** The newest finished run, for "last result". */
  lastFinished: Accessor<RunSummary | undefined>;
  starting: Accessor<boolean>;
  start(): Promise<void>;
  cancel(runId: string): Promise<void>;
}

export interface RunWorkspaceOptions {
  api: RunsApi;
  pipelineId: string;
  awareness: Awareness;
  /** The pipeline's stateless channel: `run` record notifications refetch the run list. */
  subscribe: StatelessSubscribe;
  /** Whether the sync connection is up (the list catches up when it comes back). */
  online?: Accessor<boolean>;
  /** A failure people must see (the server's words, e.g. the 422 listing the problems). */
  onError(message: string): void;
  /** A run started or the console switched runs: the builder opens the Console tab. */
  onShowConsole(): void;
}

export function createRunWorkspace(options: RunWorkspaceOptions): RunWorkspace {
  const presence = createRunPresence(options.awareness);
  const list = createRunList(options.api, options.pipelineId, {
    subscribe: options.subscribe,
    online: options.online,
  });
  const [consoleRunId, setConsoleRunId] = createSignal<string | null>(null);
  const [starting, setStarting] = createSignal(false);

  // A run that starts while this page is open takes over the console, and the console opens:
  // everyone with the pipeline open watches it fill, not only the person who pressed Run.
  // Remembered apart from the console's run: the run list can learn of a new run (and make it the
  // console's, below) before the runner's presence says it is live, and the console must still open.
  let shownLive: string | null = null;
  createEffect(
    on(
      () => presence.active()?.runId ?? null,
      (runId) => {
        if (!runId || runId === shownLive) return;
        shownLive = runId;
        setConsoleRunId(runId);
        options.onShowConsole();
      },
    ),
  );
  // With nothing live, the console shows the newest run so it is never empty without reason.
  createEffect(() => {
    if (consoleRunId() === null) setConsoleRunId(list.runs()[0]?.id ?? null);
  });

  const consoleSummary = createMemo(() => list.runs().find((run) => run.id === consoleRunId()));
  const showInConsole = (runId: string) => {
    setConsoleRunId(runId);
    options.onShowConsole();
  };

  return {
    presence,
    list,
    consoleRunId,
    showInConsole,
    consoleLive: () => {
      const runId = consoleRunId();
      return runId ? presence.runs().get(runId) : undefined;
    },
    consoleSummary,
    runningNodeId: () => presence.active()?.run.node ?? null,
    lastFinished: () => list.runs().find((run) => run.status !== 'queued' && run.status !== 'running'),
    starting,
    async start() {
      setStarting(true);
      try {
        const run = await options.api.start(options.pipelineId);
        shownLive = run.id; // shown now; its presence arriving later need not open it again
        setConsoleRunId(run.id);
        options.onShowConsole();
        list.refetch();
      } catch (cause) {
        options.onError(cause instanceof Error ? cause.message : 'The run could not start.');
      } finally {
        setStarting(false);
      }
    },
    async cancel(runId) {
      try {
        await options.api.cancel(runId);
        list.refetch();
      } catch (cause) {
        options.onError(cause instanceof Error ? cause.message : 'The run could not be cancelled.');
      }
    },
  };
}
