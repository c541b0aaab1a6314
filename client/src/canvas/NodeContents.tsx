/**
 * What a card shows inside its box when it is near the view (see NodeCard.tsx): icon, label,
 * short name, problem badge, ports, parameter summary and the tag naming the people who selected
 * it. Mounted only while the card shows contents, so the summary is computed
 * and the ports exist only for the few dozen cards near the view, not for every node.
 */
import { createMemo, For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { ComponentDef } from '../../../shared/catalog/types.ts';
import { HEADER_HEIGHT, type NodeShape, portsHeight } from './controllers/node-layout.ts';
import { iconFor } from './icons.ts';
import { NodePort } from './NodePort.tsx';
import { summarizeParams } from './node-summary.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { useCanvasScope } from './scope.ts';
import type { NodeRecord } from './store/node-records.ts';
import type { RemoteMark } from './store/remote-marks.ts';

export interface NodeContentsProps {
  record: NodeRecord;
  def: ComponentDef | undefined;
  shape: NodeShape;
  marks: readonly RemoteMark[];
}

export function NodeContents(props: NodeContentsProps) {
  const scope = useCanvasScope();
  const r = props.record;
  const summary = createMemo(() => {
    const lines = summarizeParams(props.def, r.params());
    if (!scope.paramText) return lines;
    return lines.map((line) => {
      const text = scope.paramText?.(r.type(), line.name, r.params()[line.name]);
      return text === undefined ? line : { ...line, value: text };
    });
  });

  return (
    <>
      <div class="node__header">
        <span class="node__icon" aria-hidden="true">
          <Dynamic component={iconFor(props.def?.icon, props.def?.category)} size={16} stroke-width={1.75} />
        </span>
        <span class="node__titles">
          <span class="node__label">{r.label()}</span>
          <span class="node__short">{props.def?.shortName ?? r.type()}</span>
        </span>
        <Show when={scope.problems(r.id).length > 0}>
          <ProblemBadge problems={scope.problems(r.id)} />
        </Show>
      </div>
      <For each={props.def?.inputs ?? []}>
        {(port, index) => (
          <NodePort nodeId={r.id} nodeLabel={r.label()} port={port} side="in" index={index()} />
        )}
      </For>
      <For each={props.def?.outputs ?? []}>
        {(port, index) => (
          <NodePort nodeId={r.id} nodeLabel={r.label()} port={port} side="out" index={index()} />
        )}
      </For>
      <Show when={summary().length > 0}>
        <dl class="node__summary" style={{ top: `${HEADER_HEIGHT + portsHeight(props.shape)}px` }}>
          <For each={summary()}>
            {(line) => (
              <div class="node__param" classList={{ 'node__param--changed': line.changed }}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            )}
          </For>
        </dl>
      </Show>
      <Show when={props.marks.length > 0}>
        <span class="node__mark-tag" style={{ background: props.marks[0]?.color }} aria-hidden="true">
          {props.marks.map((m) => m.name).join(', ')}
        </span>
      </Show>
    </>
  );
}
