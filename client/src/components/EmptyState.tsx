/** "Never a blank screen": an icon, what is (not) here, and what to do next. */
import type { JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';

export interface EmptyStateProps {
  icon: JSX.Element;
  title: string;
  children?: JSX.Element;
  actions?: JSX.Element;
  /** Heading level inside the page outline (1 when the empty state is the whole page). */
  headingLevel?: 1 | 2 | 3;
  /** Extra role, e.g. "status" for a result that changes after a search. */
  role?: 'status';
  /** Draws the state inside a dashed panel, where a list or a canvas would be. */
  framed?: boolean;
}

export function EmptyState(props: EmptyStateProps) {
  return (
    <section
      class="empty-state"
      classList={{ 'empty-state--framed': props.framed }}
      role={props.role}
      aria-label={props.title}
    >
      <div class="empty-state__icon">{props.icon}</div>
      <Dynamic component={`h${props.headingLevel ?? 2}`} class="empty-state__title">
        {props.title}
      </Dynamic>
      <div class="empty-state__body">{props.children}</div>
      <div class="empty-state__actions">{props.actions}</div>
    </section>
  );
}
