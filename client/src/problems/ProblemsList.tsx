/**
 * <ProblemsList>: what validation found, grouped by severity, each with its node, what is wrong and
 * how to fix it. A problem on a node is a button that selects and reveals the node. The list is one
 * tab stop: arrow keys, Home and End move between problems (roving tabindex), since a large
 * pipeline can have hundreds.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import type { Problem, ProblemSeverity } from '../../../shared/validation/index.ts';
import { groupProblems, type ProblemItem } from './group-problems.ts';
import { CircleAlert, CircleCheck, TriangleAlert } from './icons.ts';

export interface ProblemsListProps {
  problems: readonly Problem[];
  /** The graph the problems were found in (node labels, edges' nodes). */
  graph: PipelineGraph;
  onReveal(nodeId: string): void;
}

export function ProblemsList(props: ProblemsListProps) {
  const groups = createMemo(() => groupProblems(props.problems, props.graph));
  const [activeId, setActiveId] = createSignal<string | null>(null);
  let root!: HTMLDivElement;

  /** The problem that holds the tab stop: the last one focused, or the first that can be clicked. */
  const tabStop = createMemo(() => {
    const clickable = groups().flatMap((group) => group.items.filter((item) => item.nodeId !== null));
    const active = activeId();
    return clickable.some((item) => item.problem.id === active) ? active : (clickable[0]?.problem.id ?? null);
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.problem')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = index;
    if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div ref={root} class="problems">
      <Show
        when={groups().length > 0}
        fallback={
          <p class="problems__empty">
            <CircleCheck size={16} aria-hidden="true" />
            No problems found. The generated code should run as it is.
          </p>
        }
      >
        <For each={groups()}>
          {(group) => (
            <section class="problems__group" aria-label={`${group.title} (${group.items.length})`}>
              <h3 class="problems__title">
                {group.title} <span class="problems__count">{group.items.length}</span>
              </h3>
              <ul class="problems__items">
                <For each={group.items}>
                  {(item) => (
                    <li>
                      <ProblemEntry
                        item={item}
                        tabStop={tabStop() === item.problem.id}
                        onFocus={() => setActiveId(item.problem.id)}
                        onKeyDown={onKeyDown}
                        onReveal={props.onReveal}
                      />
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </div>
  );
}

function SeverityIcon(props: { severity: ProblemSeverity }) {
  return (
    <Show
      when={props.severity === 'error'}
      fallback={<TriangleAlert class="problem__icon problem__icon--warning" size={14} aria-hidden="true" />}
    >
      <CircleAlert class="problem__icon problem__icon--error" size={14} aria-hidden="true" />
    </Show>
  );
}

function ProblemEntry(props: {
  item: ProblemItem;
  tabStop: boolean;
  onFocus(): void;
  onKeyDown(event: KeyboardEvent): void;
  onReveal(nodeId: string): void;
}) {
  // Problem ids may hold spaces (column names), which an id reference list cannot.
  const fixId = createUniqueId();
  const body = () => (
    <>
      <SeverityIcon severity={props.item.problem.severity} />
      <span class="problem__text">
        <span class="problem__subject">{props.item.subject}</span>
        <span class="problem__message">{props.item.problem.message}</span>
        <span id={fixId} class="problem__fix">
          {props.item.problem.fix}
        </span>
      </span>
    </>
  );
  const severityWord = () => (props.item.problem.severity === 'error' ? 'Error' : 'Warning');
  return (
    <Show when={props.item.nodeId} fallback={<div class="problem problem--static">{body()}</div>}>
      {(nodeId) => (
        <button
          type="button"
          class="problem"
          data-problem-code={props.item.problem.code}
          tabIndex={props.tabStop ? 0 : -1}
          aria-label={`${severityWord()} on ${props.item.subject}: ${props.item.problem.message}`}
          aria-describedby={fixId}
          onFocus={() => props.onFocus()}
          onKeyDown={(event) => props.onKeyDown(event)}
          onClick={() => props.onReveal(nodeId())}
        >
          {body()}
        </button>
      )}
    </Show>
  );
}
