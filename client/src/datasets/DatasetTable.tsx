/** The datasets as a table; a skeleton of the same shape while the first page loads. */
import { For } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { type ListColumn, ListTable, ListTableSkeleton } from '../components/ListTable.tsx';
import { DatasetRow } from './DatasetRow.tsx';

export interface DatasetTableProps {
  items: readonly DatasetSummary[];
  busy: boolean;
  now: Date;
  onRename(dataset: DatasetSummary, name: string): Promise<void>;
  onDelete(dataset: DatasetSummary): void;
}

const COLUMNS: readonly ListColumn[] = [
  { label: 'Name', skeleton: 'wide' },
  { label: 'Rows × columns', class: 'dataset-table__number', skeleton: 'short' },
  { label: 'Size', class: 'dataset-table__number', skeleton: 'short' },
  { label: 'Owner', skeleton: 'short' },
  { label: 'Used by', skeleton: 'medium' },
  { label: 'Created', skeleton: 'short' },
  { label: 'Actions', hiddenLabel: true },
];

export function DatasetTable(props: DatasetTableProps) {
  return (
    <ListTable class="dataset-table" caption="Your datasets" columns={COLUMNS} busy={props.busy}>
      <For each={props.items}>
        {(dataset) => (
          <DatasetRow dataset={dataset} now={props.now} onRename={props.onRename} onDelete={props.onDelete} />
        )}
      </For>
    </ListTable>
  );
}

export function DatasetTableSkeleton() {
  return <ListTableSkeleton class="dataset-table" label="Loading datasets…" columns={COLUMNS} rows={4} />;
}
