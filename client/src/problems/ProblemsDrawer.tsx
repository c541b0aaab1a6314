/**
 * The builder's bottom drawer (UI.md: Problems, Console, Runs). Its bar is always visible and
 * carries the problem counts, so a collapsed drawer still says whether the pipeline is healthy;
 * the tab or the chevron opens it. Console and Runs join the tab list when the runner exists.
 * Whether it is open is remembered per browser.
 */
import { createEffect, createMemo, createSignal, createUniqueId, For, type JSX, on, Show } from 'solid-js';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import type { Problem } from '../../../shared/validation/index.ts';
import './problems.css';
import { countProblems, describeCounts } from './group-problems.ts';
import { ChevronDown, ChevronUp, CircleAlert, TriangleAlert } from './icons.ts';
import { ProblemsList } from './ProblemsList.tsx';

export const DRAWER_OPEN_KEY = 'dominoml.bottomDrawer.open';

/** A tab another feature adds to the drawer (Console, Runs). */
export interface DrawerTab {
  id: string;
  label: JSX.Element;
  /** The tab's accessible name when its label is more than text. */
  name?: string;
  /** Rendered only while the tab is open. */
  panel: () => JSX.Element;
}

export interface ProblemsDrawerProps {
  problems: readonly Problem[];
  graph: PipelineGraph;
  onReveal(nodeId: string): void;
  tabs?: readonly DrawerTab[];
  /** Opens the drawer on this tab; a new object each time (the same id twice reopens it). */
  show?: { tab: string } | null;
}

const PROBLEMS_TAB = 'problems';

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
  const [active, setActive] = createSignal(PROBLEMS_TAB);
  /** A tab's button: opens the drawer on it, or closes the drawer when it is already showing. */
  const toggleTab = (id: string) => {
    if (open() && active() === id) setOpen(false);
    else {
      setActive(id);
      setOpen(true);
    }
  };
  createEffect(
    on(
      () => props.show,
      (request) => {
        if (!request) return;
        setActive(request.tab);
        setOpen(true);
      },
    ),
  );
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
            aria-selected={open() && active() === PROBLEMS_TAB}
            aria-controls={panelId}
            aria-label={`Problems: ${summary()}`}
            onClick={() => toggleTab(PROBLEMS_TAB)}
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
          <For each={props.tabs ?? []}>
            {(tab) => (
              <button
                id={`${tabId}-${tab.id}`}
                type="button"
                role="tab"
                class="drawer__tab"
                aria-selected={open() && active() === tab.id}
                aria-controls={panelId}
                aria-label={tab.name}
                onClick={() => toggleTab(tab.id)}
              >
                {tab.label}
              </button>
            )}
          </For>
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
      <div
        id={panelId}
        role="tabpanel"
        aria-labelledby={active() === PROBLEMS_TAB ? tabId : `${tabId}-${active()}`}
        class="drawer__panel"
        hidden={!open()}
      >
        <Show
          when={props.tabs?.find((tab) => tab.id === active())}
          keyed
          fallback={<ProblemsList problems={props.problems} graph={props.graph} onReveal={props.onReveal} />}
        >
          {(tab) => tab.panel()}
        </Show>
      </div>
    </section>
  );
}
