/** What the datasets page shows instead of rows: first-time empty, no matches, or a failure. */
import { describeError } from '../api/errors.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { CloudOff, Database, SearchX } from './icons.ts';
import { UploadButton } from './UploadButton.tsx';

export function NoDatasetsYet(props: { onFiles(files: File[]): void }) {
  return (
    <EmptyState
      framed
      icon={<Database size={28} aria-hidden="true" />}
      title="No datasets yet"
      actions={<UploadButton onFiles={props.onFiles} label="Upload a CSV" />}
    >
      <p>
        Drop a CSV file anywhere on this page, or choose one. DominoML profiles it (column types, missing
        values, distributions, a likely target) so pipelines that read it can check their columns before
        anything runs.
      </p>
    </EmptyState>
  );
}

export function NoMatchingDatasets(props: { q: string; onClear(): void }) {
  return (
    <EmptyState
      framed
      role="status"
      icon={<SearchX size={28} aria-hidden="true" />}
      title="No matching datasets"
      actions={
        <button type="button" class="button button--secondary" onClick={() => props.onClear()}>
          Clear search
        </button>
      }
    >
      <p>Nothing matches “{props.q}”. Check the spelling or try a shorter search.</p>
    </EmptyState>
  );
}

export function DatasetListError(props: { error: unknown; onRetry(): void }) {
  return (
    <div role="alert">
      <EmptyState
        framed
        icon={<CloudOff size={28} aria-hidden="true" />}
        title="Could not load your datasets"
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
