/** The list of pipelines as a table; a skeleton of the same shape while the first page loads. */
import { For } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
import { type ListColumn, ListTable, ListTableSkeleton } from '../components/ListTable.tsx';
import { PipelineRow } from './PipelineRow.tsx';

export interface PipelineTableProps {
  items: readonly PipelineSummary[];
  busy: boolean;
  now: Date;
  activeTag: string | undefined;
  onTag: (tag: string) => void;
  onRename: (pipeline: PipelineSummary, name: string) => Promise<void>;
  onDelete: (pipeline: PipelineSummary) => void;
}

const COLUMNS: readonly ListColumn[] = [
  { label: 'Name', skeleton: 'wide' },
  { label: 'Tags', skeleton: 'medium' },
  { label: 'Your role', skeleton: 'short' },
  { label: 'Updated', skeleton: 'short' },
  { label: 'Actions', hiddenLabel: true },
];

export function PipelineTable(props: PipelineTableProps) {
  return (
    <ListTable class="pipeline-table" caption="Your pipelines" columns={COLUMNS} busy={props.busy}>
      <For each={props.items}>
        {(pipeline) => (
          <PipelineRow
            pipeline={pipeline}
            now={props.now}
            activeTag={props.activeTag}
            onTag={props.onTag}
            onRename={props.onRename}
            onDelete={props.onDelete}
          />
        )}
      </For>
    </ListTable>
  );
}

export function PipelineTableSkeleton(props: { rows?: number }) {
  return (
    <ListTableSkeleton
      class="pipeline-table pipeline-table--skeleton"
      label="Loading pipelines…"
      columns={COLUMNS}
      rows={props.rows ?? 5}
    />
  );
}
