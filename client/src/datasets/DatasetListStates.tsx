/** What the datasets page shows instead of rows: first-time empty, no matches, or a failure. */
import { EmptyState } from '../components/EmptyState.tsx';
import { ListLoadError, NoListMatches } from '../components/ListStates.tsx';
import { Database } from './icons.ts';
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
    <NoListMatches title="No matching datasets" clearLabel="Clear search" onClear={props.onClear}>
      <p>Nothing matches “{props.q}”. Check the spelling or try a shorter search.</p>
    </NoListMatches>
  );
}

export function DatasetListError(props: { error: unknown; onRetry(): void }) {
  return <ListLoadError title="Could not load your datasets" error={props.error} onRetry={props.onRetry} />;
}
