/**
 * What a list page shows instead of rows when its search finds nothing or the list cannot load.
 * The dashboard and the Datasets page word them for their own items; the shape, the roles (a
 * status for a result that changes with the search, an alert for a failure) and the way out are
 * the same.
 */
import type { JSX } from 'solid-js';
import { describeError } from '../api/errors.ts';
import { EmptyState } from './EmptyState.tsx';
import { CloudOff, SearchX } from './icons.ts';

export function NoListMatches(props: {
  title: string;
  /** The button that clears what was searched for. */
  clearLabel: string;
  onClear(): void;
  /** Says what matched nothing. */
  children: JSX.Element;
}) {
  return (
    <EmptyState
      framed
      role="status"
      icon={<SearchX size={28} aria-hidden="true" />}
      title={props.title}
      actions={
        <button type="button" class="button button--secondary" onClick={() => props.onClear()}>
          {props.clearLabel}
        </button>
      }
    >
      {props.children}
    </EmptyState>
  );
}

export function ListLoadError(props: { title: string; error: unknown; onRetry(): void }) {
  return (
    <div role="alert">
      <EmptyState
        framed
        icon={<CloudOff size={28} aria-hidden="true" />}
        title={props.title}
        actions={
          <button type="button" class="button button--primary" onClick={() => props.onRetry()}>
            Try again
          </button>
        }
      >
        <p>{describeError(props.error)}</p>
      </EmptyState>
    </div>
  );
}
