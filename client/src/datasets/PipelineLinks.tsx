/** The pipelines a dataset is attached to, as links (or "Not used"). */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { DatasetPipelineRef } from '../../../shared/api/datasets.ts';

export function PipelineLinks(props: { pipelines: readonly DatasetPipelineRef[] }) {
  return (
    <Show when={props.pipelines.length > 0} fallback={<span class="dataset-muted">Not used</span>}>
      <ul class="pipeline-links" aria-label={`Used by ${props.pipelines.length} pipelines`}>
        <For each={props.pipelines}>
          {(pipeline) => (
            <li>
              <A href={`/p/${encodeURIComponent(pipeline.id)}`}>{pipeline.name}</A>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
