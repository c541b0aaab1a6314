/** The datasets as a table; a skeleton of the same shape while the first page loads. */
import { For, Index } from 'solid-js';
import type { DatasetSummary } from '../../../shared/api/datasets.ts';
import { DatasetRow } from './DatasetRow.tsx';

export interface DatasetTableProps {
  items: readonly DatasetSummary[];
  busy: boolean;
  now: Date;
  onRename(dataset: DatasetSummary, name: string): Promise<void>;
  onDelete(dataset: DatasetSummary): void;
}

function TableHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col" class="dataset-table__number">
          Rows × columns
        </th>
        <th scope="col" class="dataset-table__number">
          Size
        </th>
        <th scope="col">Owner</th>
        <th scope="col">Used by</th>
        <th scope="col">Created</th>
        <th scope="col">
          <span class="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

export function DatasetTable(props: DatasetTableProps) {
  return (
    <table class="dataset-table" aria-busy={props.busy ? 'true' : undefined}>
      <caption class="visually-hidden">Your datasets</caption>
      <TableHead />
      <tbody>
        <For each={props.items}>
          {(dataset) => (
            <DatasetRow
              dataset={dataset}
              now={props.now}
              onRename={props.onRename}
              onDelete={props.onDelete}
            />
          )}
        </For>
      </tbody>
    </table>
  );
}

export function DatasetTableSkeleton() {
  return (
    <div role="status" class="skeleton-wrap">
      <span class="visually-hidden">Loading datasets…</span>
      <table class="dataset-table" aria-hidden="true">
        <TableHead />
        <tbody>
          <Index each={Array.from({ length: 4 })}>
            {() => (
              <tr>
                <td>
                  <span class="skeleton skeleton--wide" />
                </td>
                <td>
                  <span class="skeleton skeleton--short" />
                </td>
                <td>
                  <span class="skeleton skeleton--short" />
                </td>
                <td>
                  <span class="skeleton skeleton--short" />
                </td>
                <td>
                  <span class="skeleton" />
                </td>
                <td>
                  <span class="skeleton skeleton--short" />
                </td>
                <td />
              </tr>
            )}
          </Index>
        </tbody>
      </table>
    </div>
  );
}
