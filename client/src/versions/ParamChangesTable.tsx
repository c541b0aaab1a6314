/** Every changed parameter of a comparison as a table: node, parameter, before, after. */
import { For, Show } from 'solid-js';
import type { GraphDiff } from '../../../shared/diff/types.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { formatValue } from './format-value.ts';

export function ParamChangesTable(props: { diff: GraphDiff; graph: PipelineGraph | undefined }) {
  const label = (nodeId: string) => props.graph?.nodes.find((node) => node.id === nodeId)?.label ?? nodeId;
  const rows = () =>
    props.diff.nodes.changed.flatMap((change) =>
      change.params.map((param) => ({ nodeId: change.nodeId, param })),
    );
  return (
    <Show when={rows().length > 0} fallback={<p class="panel-empty__text">No parameter changed.</p>}>
      <table class="param-changes">
        <caption class="visually-hidden">Parameter changes</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Parameter</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(row) => (
              <tr data-testid="param-change">
                <td>{label(row.nodeId)}</td>
                <td>
                  <code>{row.param.name}</code>
                </td>
                <td class="param-changes__before">{formatValue(row.param.before)}</td>
                <td class="param-changes__after">{formatValue(row.param.after)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
