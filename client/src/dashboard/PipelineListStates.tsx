/** What the dashboard shows instead of rows: first-time empty, no matches, or a failure. */
import { EmptyState } from '../components/EmptyState.tsx';
import { Plus, Workflow } from '../components/icons.ts';
import { ListLoadError, NoListMatches } from '../components/ListStates.tsx';

export function NoPipelinesYet(props: { onCreate: () => void }) {
  return (
    <EmptyState
      framed
      icon={<Workflow size={28} aria-hidden="true" />}
      title="No pipelines yet"
      actions={
        <button type="button" class="button button--primary" onClick={() => props.onCreate()}>
          <Plus size={16} aria-hidden="true" />
          Create your first pipeline
        </button>
      }
    >
      <p>
        A pipeline is a canvas of scikit-learn components: load data, preprocess, train and evaluate. DominoML
        writes the Python and runs it for you. Pipelines shared with you will appear here too.
      </p>
    </EmptyState>
  );
}

export function NoMatches(props: { q: string; tag: string | undefined; onClear: () => void }) {
  const what = () =>
    [props.q ? `“${props.q}”` : undefined, props.tag ? `the tag “${props.tag}”` : undefined]
      .filter(Boolean)
      .join(' and ');
  return (
    <NoListMatches
      title="No matching pipelines"
      clearLabel="Clear search and filters"
      onClear={props.onClear}
    >
      <p>Nothing matches {what()}. Check the spelling or try a shorter search.</p>
    </NoListMatches>
  );
}

export function ListError(props: { error: unknown; onRetry: () => void }) {
  return <ListLoadError title="Could not load your pipelines" error={props.error} onRetry={props.onRetry} />;
}
