/**
 * The runs feature as the builder plugs it in: one call gives the top bar's Run control, the
 * drawer's Console and Runs tabs, and the node to highlight on the canvas, so the builder's own
 * files only place them.
 */
import { type Accessor, createSignal, type JSX } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { readNode } from '../../../shared/doc/index.ts';
import type { HttpClient } from '../api/http.ts';
import { useToaster } from '../components/toaster.ts';
import type { DrawerTab } from '../problems/ProblemsDrawer.tsx';
import type { StatelessSubscribe } from '../versions/create-record-listener.ts';
import { ConsolePanel } from './ConsolePanel.tsx';
import { createRunLog } from './create-run-log.ts';
import { createRunWorkspace, type RunWorkspace } from './create-run-workspace.ts';
import { RunButton } from './RunButton.tsx';
import { RunsPanel } from './RunsPanel.tsx';
import { makeRunsApi } from './runs-api.ts';
import './runs.css';

export interface BuilderRunsOptions {
  http: HttpClient;
  pipelineId: string;
  doc: Y.Doc;
  awareness: Awareness;
  /** The pipeline's stateless channel: the run list refetches on `run` record notifications. */
  subscribe: StatelessSubscribe;
  /** Whether the sync connection is up. */
  online: Accessor<boolean>;
  /** Editors and owners start and cancel runs. */
  canRun: Accessor<boolean>;
  /** Validation errors in the pipeline now (the server refuses to run it with any). */
  errorCount: Accessor<number>;
}

export interface BuilderRuns {
  workspace: RunWorkspace;
  runControl: () => JSX.Element;
  drawerTabs: readonly DrawerTab[];
  /** Opens the drawer on a tab when set (ProblemsDrawer `show`). */
  drawerRequest: Accessor<{ tab: string } | null>;
  runningNodeId: Accessor<string | null>;
}

export const CONSOLE_TAB = 'console';
export const RUNS_TAB = 'runs';

export function createBuilderRuns(options: BuilderRunsOptions): BuilderRuns {
  const toaster = useToaster();
  const api = makeRunsApi(options.http);
  const [drawerRequest, setDrawerRequest] = createSignal<{ tab: string } | null>(null);
  const workspace = createRunWorkspace({
    api,
    pipelineId: options.pipelineId,
    awareness: options.awareness,
    subscribe: options.subscribe,
    online: options.online,
    onError: (message) => toaster.show(message, 'error'),
    onShowConsole: () => setDrawerRequest({ tab: CONSOLE_TAB }),
  });
  const log = createRunLog({
    runId: workspace.consoleRunId,
    api,
    live: workspace.consoleLive,
    knownLines: () => workspace.consoleSummary()?.logLines,
  });
  const nodeLabel = (nodeId: string | null | undefined) =>
    nodeId ? (readNode(options.doc, nodeId)?.label ?? nodeId) : null;

  const blockedReason = () => {
    if (!options.canRun()) return 'Only editors and owners can start runs.';
    const errors = options.errorCount();
    if (errors > 0) return `Fix ${errors} problem${errors === 1 ? '' : 's'} before running (see Problems).`;
    return null;
  };

  const runControl = () => (
    <RunButton
      blockedReason={blockedReason()}
      canCancel={options.canRun()}
      starting={workspace.starting()}
      active={workspace.presence.active()}
      nodeLabel={nodeLabel(workspace.presence.active()?.run.node)}
      lastFinished={workspace.lastFinished()}
      onRun={() => void workspace.start()}
      onCancel={(runId) => void workspace.cancel(runId)}
      onOpenConsole={() => {
        const runId = workspace.presence.active()?.runId ?? workspace.lastFinished()?.id;
        if (runId) workspace.showInConsole(runId);
      }}
    />
  );

  const drawerTabs: DrawerTab[] = [
    {
      id: CONSOLE_TAB,
      label: 'Console',
      panel: () => (
        <ConsolePanel
          runId={workspace.consoleRunId()}
          log={log}
          live={workspace.consoleLive()}
          summary={workspace.consoleSummary()}
          nodeLabel={nodeLabel(workspace.consoleLive()?.node)}
        />
      ),
    },
    {
      id: RUNS_TAB,
      label: 'Runs',
      panel: () => <RunsPanel workspace={workspace} api={api} canCancel={options.canRun()} />,
    },
  ];

  return { workspace, runControl, drawerTabs, drawerRequest, runningNodeId: workspace.runningNodeId };
}
