/** The Versions tab while comparing: what changed in numbers, the parameter table, the code diff. */
import { Show } from 'solid-js';
import type { VersionComparison } from '../../../shared/api/types.ts';
import type { PipelineGraph } from '../../../shared/graph/types.ts';
import { CodeDiff } from './CodeDiff.tsx';
import { ParamChangesTable } from './ParamChangesTable.tsx';

export function CompareDetails(props: {
  comparison: VersionComparison;
  graph: PipelineGraph | undefined;
  title: string;
}) {
  const s = () => props.comparison.graph.summary;
  return (
    <section class="compare-details" aria-label="Comparison">
      <h2 class="panel-heading">{props.title}</h2>
      <p class="compare-details__summary">
        <span class="diff-count diff-count--added">{s().nodesAdded} added</span>
        <span class="diff-count diff-count--removed">{s().nodesRemoved} removed</span>
        <span class="diff-count diff-count--changed">{s().nodesChanged} changed</span>
        <span>
          {s().edgesAdded} edges added, {s().edgesRemoved} removed
        </span>
      </p>
      <h3 class="panel-subheading">Parameters</h3>
      <ParamChangesTable diff={props.comparison.graph} graph={props.graph} />
      <h3 class="panel-subheading">
        Code
        <Show when={props.comparison.code.added + props.comparison.code.removed > 0}>
          <span class="compare-details__code-count">
            +{props.comparison.code.added} −{props.comparison.code.removed}
          </span>
        </Show>
      </h3>
      <CodeDiff diff={props.comparison.code} />
    </section>
  );
}
