/** The Runs tab: the experiments table, one run's details, or selected runs compared. */
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import type { RunWorkspace } from './create-run-workspace.ts';
import { ChartColumn } from './icons.ts';
import { RunCompare } from './RunCompare.tsx';
import { RunDetailView } from './RunDetailView.tsx';
import { RunsTable } from './RunsTable.tsx';
import type { RunsApi } from './runs-api.ts';

export interface RunsPanelProps {
  workspace: RunWorkspace;
  api: Pick<RunsApi, 'get'>;
  canCancel: boolean;
}

type View = { kind: 'list' } | { kind: 'detail'; runId: string } | { kind: 'compare' };

/** "Started 2 minutes ago" stays true without a timer per row. */
const CLOCK_TICK_MS = 30_000;

export function RunsPanel(props: RunsPanelProps) {
  const [view, setView] = createSignal<View>({ kind: 'list' });
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
  onCleanup(() => clearInterval(timer));

  const list = props.workspace.list;
  const toggle = (runId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(runId)) next.delete(runId);
      else next.add(runId);
      return next;
    });
  const detailId = () => {
    const current = view();
    return current.kind === 'detail' ? current.runId : null;
  };
  const selectedRuns = () => list.runs().filter((run) => selected().has(run.id));

  return (
    <div class="runs-panel">
      <Switch>
        <Match when={view().kind === 'list'}>
          <div class="run-detail__bar">
            <span class="runs-panel__count">
              {list.runs().length} run{list.runs().length === 1 ? '' : 's'}
            </span>
            <span class="drawer__spacer" />
            <button
              type="button"
              class="button button--secondary button--small"
              disabled={selectedRuns().length < 2}
              title={selectedRuns().length < 2 ? 'Select two or more runs to compare' : undefined}
              onClick={() => setView({ kind: 'compare' })}
            >
              <ChartColumn size={14} aria-hidden="true" />
              Compare{selectedRuns().length >= 2 ? ` ${selectedRuns().length}` : ''}
            </button>
          </div>
          <Show when={list.error()}>{(message) => <p class="console__error">{message()}</p>}</Show>
          <Show
            when={list.runs().length > 0}
            fallback={
              <p class="console__empty">
                {list.loading()
                  ? 'Loading runs…'
                  : 'No runs yet. Press Run in the top bar; every run appears here with its metrics.'}
              </p>
            }
          >
            <RunsTable
              runs={list.runs()}
              selected={selected()}
              onToggle={toggle}
              onOpen={(runId) => setView({ kind: 'detail', runId })}
              onShowLog={props.workspace.showInConsole}
              canCancel={props.canCancel}
              onCancel={(runId) => void props.workspace.cancel(runId)}
              now={now()}
            />
          </Show>
        </Match>
        <Match when={detailId()}>
          {(runId) => (
            <RunDetailView
              runId={runId()}
              load={(runId) => props.api.get(runId)}
              version={list.runs()}
              onBack={() => setView({ kind: 'list' })}
              onShowLog={props.workspace.showInConsole}
            />
          )}
        </Match>
        <Match when={view().kind === 'compare'}>
          <RunCompare runs={selectedRuns()} onBack={() => setView({ kind: 'list' })} />
        </Match>
      </Switch>
    </div>
  );
}
