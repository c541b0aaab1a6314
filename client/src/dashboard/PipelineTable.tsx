/** The list of pipelines as a table; a skeleton of the same shape while the first page loads. */
import { For, Index } from 'solid-js';
import type { PipelineSummary } from '../../../shared/api/types.ts';
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

function TableHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Name</th>
        <th scope="col">Tags</th>
        <th scope="col">Your role</th>
        <th scope="col">Updated</th>
        <th scope="col">
          <span class="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

export function PipelineTable(props: PipelineTableProps) {
  return (
    <table class="pipeline-table" aria-busy={props.busy ? 'true' : undefined}>
      <caption class="visually-hidden">Your pipelines</caption>
      <TableHead />
      <tbody>
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
      </tbody>
    </table>
  );
}

export function PipelineTableSkeleton(props: { rows?: number }) {
  return (
    <div role="status" class="skeleton-wrap">
      <span class="visually-hidden">Loading pipelines…</span>
      <table class="pipeline-table pipeline-table--skeleton" aria-hidden="true">
        <TableHead />
        <tbody>
          <Index each={Array.from({ length: props.rows ?? 5 })}>
            {() => (
              <tr>
                <td>
                  <span class="skeleton skeleton--wide" />
                </td>
                <td>
                  <span class="skeleton" />
                </td>
                <td>
                  <span class="skeleton skeleton--short" />
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
