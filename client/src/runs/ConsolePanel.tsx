/**
 * The Console tab: one run's log, live. A header with the run, its progress while it runs (or how
 * it ended), a search field that filters to matching lines, and downloads of the stored log.
 */
import { createMemo, createSignal, Show } from 'solid-js';
import type { RunSummary } from '../../../shared/api/runs.ts';
import type { RunAwareness } from '../../../shared/doc/awareness.ts';
import { stripAnsi } from './ansi.ts';
import type { RunLog } from './create-run-log.ts';
import { Download, Search } from './icons.ts';
import { LogView } from './LogView.tsx';
import { RunProgress } from './RunProgress.tsx';
import { formatDuration, RUN_STATUS_LABELS, statusTone } from './run-status.ts';
import { runLogDownloadUrl } from './runs-api.ts';

export interface ConsolePanelProps {
  runId: string | null;
  log: RunLog;
  live: RunAwareness | undefined;
  summary: RunSummary | undefined;
  nodeLabel: string | null;
}

export function ConsolePanel(props: ConsolePanelProps) {
  const [query, setQuery] = createSignal('');
  const needle = () => query().trim().toLowerCase();
  // Report events are the run protocol's JSON (progress, metrics): the progress bar and the
  // metrics show them; the console shows what a person printed and what the runner said.
  const readable = createMemo(() => props.log.lines().filter((line) => line.stream !== 'report'));
  const matching = createMemo(() => {
    const text = needle();
    const lines = readable();
    return text ? lines.filter((line) => stripAnsi(line.text).toLowerCase().includes(text)) : lines;
  });
  const status = () => props.live?.status ?? props.summary?.status;
  const title = () => {
    const version = props.summary?.version.number;
    return version === undefined ? 'Run' : `Run of v${version}`;
  };

  return (
    <Show
      when={props.runId}
      fallback={
        <p class="console__empty">
          No runs yet. Press <strong>Run</strong> in the top bar to run this pipeline on the server: its
          output appears here live, for everyone who has the pipeline open.
        </p>
      }
    >
      {(runId) => (
        <div class="console">
          <div class="console__header">
            <span class="console__title">{title()}</span>
            <Show when={status()}>
              {(current) => (
                <span class={`run-status run-status--${statusTone(current())}`} data-testid="console-status">
                  {RUN_STATUS_LABELS[current()]}
                  <Show when={props.summary && !props.live && props.summary.durationMs !== null}>
                    {` · ${formatDuration(props.summary?.durationMs ?? null)}`}
                  </Show>
                </span>
              )}
            </Show>
            <Show when={props.live}>
              {(live) => (
                <div class="console__progress">
                  <RunProgress run={live()} nodeLabel={props.nodeLabel} />
                </div>
              )}
            </Show>
            <Show when={!props.live}>
              <span class="drawer__spacer" />
            </Show>
            <label class="console__search">
              <Search size={14} aria-hidden="true" />
              <span class="visually-hidden">Search the log</span>
              <input
                type="search"
                placeholder="Search the log"
                value={query()}
                onInput={(event) => setQuery(event.currentTarget.value)}
              />
            </label>
            <Show when={needle()}>
              <span class="console__count" role="status">
                {matching().length.toLocaleString()} of {readable().length.toLocaleString()} lines
              </span>
            </Show>
            <a
              class="button button--ghost button--small"
              href={runLogDownloadUrl(runId(), 'text')}
              download=""
            >
              <Download size={14} aria-hidden="true" />
              Text
            </a>
            <a
              class="button button--ghost button--small"
              href={runLogDownloadUrl(runId(), 'json')}
              download=""
            >
              <Download size={14} aria-hidden="true" />
              JSON
            </a>
          </div>
          <Show when={props.log.truncated() || props.summary?.truncated}>
            <p class="console__notice" role="note">
              The output passed the stored-log cap: lines after the notice were not kept. The run itself went
              on.
            </p>
          </Show>
          <Show when={props.summary?.error && !props.live}>
            <p class="console__error">{props.summary?.error}</p>
          </Show>
          <Show when={props.log.error()}>{(message) => <p class="console__error">{message()}</p>}</Show>
          <LogView
            lines={matching()}
            query={needle()}
            hasEarlier={props.log.hasEarlier() && !needle()}
            onLoadEarlier={props.log.loadEarlier}
            label={`Console: ${title()}`}
          />
        </div>
      )}
    </Show>
  );
}
