/**
 * The top bar's Run control: "Run" for editors; while a run is live (anyone's), its progress with
 * Cancel; afterwards, how the last run ended. When running is not possible (read-only role,
 * validation errors) the button stays focusable with `aria-disabled` and says why, instead of a
 * silent greyed-out control.
 */
import { createUniqueId, Show } from 'solid-js';
import type { RunSummary } from '../../../shared/api/runs.ts';
import type { RunAwareness } from '../../../shared/doc/awareness.ts';
import { Spinner } from '../components/Spinner.tsx';
import { CircleCheck, CircleX, Play, Square } from './icons.ts';
import { RunProgress } from './RunProgress.tsx';
import { formatDuration, RUN_STATUS_LABELS, statusTone } from './run-status.ts';

export interface RunButtonProps {
  /** Why running is not possible now, or null. */
  blockedReason: string | null;
  /** May cancel (editors and owners). */
  canCancel: boolean;
  starting: boolean;
  active: { runId: string; run: RunAwareness } | null;
  nodeLabel: string | null;
  lastFinished: RunSummary | undefined;
  onRun(): void;
  onCancel(runId: string): void;
  /** Opens the console (on the live run) or the runs list (on the last result). */
  onOpenConsole(): void;
}

export function RunButton(props: RunButtonProps) {
  const reasonId = createUniqueId();
  const blocked = () => props.blockedReason !== null || props.starting;

  return (
    <div class="run-control">
      <Show
        when={props.active}
        fallback={
          <>
            <Show when={props.lastFinished}>
              {(run) => (
                <button
                  type="button"
                  class={`run-last run-last--${statusTone(run().status)}`}
                  onClick={() => props.onOpenConsole()}
                  title="Open this run's log"
                  data-testid="run-last-result"
                >
                  <Show
                    when={run().status === 'succeeded'}
                    fallback={<CircleX size={14} aria-hidden="true" />}
                  >
                    <CircleCheck size={14} aria-hidden="true" />
                  </Show>
                  <span>
                    v{run().version.number} {RUN_STATUS_LABELS[run().status].toLowerCase()} ·{' '}
                    {formatDuration(run().durationMs)}
                  </span>
                </button>
              )}
            </Show>
            <button
              type="button"
              class="button button--primary button--small run-button"
              aria-disabled={blocked()}
              aria-describedby={props.blockedReason ? reasonId : undefined}
              title={
                props.blockedReason ?? 'Run the pipeline on the server (snapshots the draft as a version)'
              }
              onClick={() => {
                if (!blocked()) props.onRun();
              }}
            >
              <Show when={props.starting} fallback={<Play size={14} aria-hidden="true" />}>
                <Spinner size={12} />
              </Show>
              <span>{props.starting ? 'Starting…' : 'Run'}</span>
            </button>
            <Show when={props.blockedReason}>
              <span id={reasonId} class="visually-hidden">
                {props.blockedReason}
              </span>
            </Show>
          </>
        }
      >
        {(live) => (
          <>
            <button
              type="button"
              class="run-live"
              onClick={() => props.onOpenConsole()}
              title="Show the live log"
              data-testid="run-live-status"
            >
              <Spinner size={12} />
              <span class="run-live__text">
                {RUN_STATUS_LABELS[live().run.status]}
                <Show when={live().run.progress.total > 0}>
                  {/* The step working now, as in the console's "Step 5 of 7", not the count of steps done. */}{' '}
                  {Math.min(live().run.progress.done + 1, live().run.progress.total)}/
                  {live().run.progress.total}
                </Show>
              </span>
            </button>
            <div class="run-control__bar">
              <RunProgress
                run={live().run}
                nodeLabel={props.nodeLabel}
                compact
                label="Run progress in the top bar"
              />
            </div>
            <Show when={props.canCancel}>
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => props.onCancel(live().runId)}
              >
                <Square size={12} aria-hidden="true" />
                <span>Cancel</span>
              </button>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
