/**
 * The builder's bottom drawer (UI.md: Problems, Console, Runs). Its bar is always visible and
 * carries the problem counts, so a collapsed drawer still says whether the pipeline is healthy;
 * the tab or the chevron opens it. Console and Runs join the tab list when the runner exists.
 * Whether it is open is remembered per browser.
 */
import { createMemo, createSignal, createUniqueId, Show } from 'solid-js';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import type { Problem } from '../../../shared/validation/index.ts';
import './problems.css';
import { countProblems, describeCounts } from './group-problems.ts';
import { ChevronDown, ChevronUp, CircleAlert, TriangleAlert } from './icons.ts';
import { ProblemsList } from './ProblemsList.tsx';

export const DRAWER_OPEN_KEY = 'dominoml.bottomDrawer.open';

export interface ProblemsDrawerProps {
  problems: readonly Problem[];
  graph: PipelineGraph;
  onReveal(nodeId: string): void;
}

function readOpen(): boolean {
  try {
    return localStorage.getItem(DRAWER_OPEN_KEY) === 'true';
  } catch {
    return false; // storage disabled: start collapsed
  }
}

function writeOpen(open: boolean): void {
  try {
    localStorage.setItem(DRAWER_OPEN_KEY, String(open));
  } catch {
    // Not remembered; the drawer still works.
  }
}

export function ProblemsDrawer(props: ProblemsDrawerProps) {
  const tabId = createUniqueId();
  const panelId = createUniqueId();
  const [open, setOpenSignal] = createSignal(readOpen());
  const setOpen = (next: boolean) => {
    setOpenSignal(next);
    writeOpen(next);
  };
  const counts = createMemo(() => countProblems(props.problems));
  const summary = () => describeCounts(counts());

  return (
    <section class="drawer" classList={{ 'drawer--open': open() }} aria-label="Bottom panel">
      <div class="drawer__bar">
        <div role="tablist" aria-label="Bottom panel" class="drawer__tabs">
          <button
            id={tabId}
            type="button"
            role="tab"
            class="drawer__tab"
            aria-selected={open()}
            aria-controls={panelId}
            aria-label={`Problems: ${summary()}`}
            onClick={() => setOpen(!open())}
          >
            Problems
            <Show when={counts().errors > 0}>
              <span class="count-badge count-badge--error" aria-hidden="true">
                <CircleAlert size={12} />
                {counts().errors}
              </span>
            </Show>
            <Show when={counts().warnings > 0}>
              <span class="count-badge count-badge--warning" aria-hidden="true">
                <TriangleAlert size={12} />
                {counts().warnings}
              </span>
            </Show>
          </button>
        </div>
        <span class="drawer__spacer" />
        <button
          type="button"
          class="icon-button icon-button--small"
          aria-expanded={open()}
          aria-controls={panelId}
          aria-label={open() ? 'Collapse the bottom panel' : 'Expand the bottom panel'}
          title={open() ? 'Collapse' : 'Expand'}
          onClick={() => setOpen(!open())}
        >
          <Show when={open()} fallback={<ChevronUp size={16} aria-hidden="true" />}>
            <ChevronDown size={16} aria-hidden="true" />
          </Show>
        </button>
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId} class="drawer__panel" hidden={!open()}>
        <ProblemsList problems={props.problems} graph={props.graph} onReveal={props.onReveal} />
      </div>
    </section>
  );
}
