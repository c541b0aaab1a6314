/**
 * A comparison drawn on the canvas, in canvas units over the newer side's cards: added nodes
 * outlined green, changed ones amber with "param: before → after" chips under the card, removed
 * ones as red dashed ghosts where they used to be. Colour is never the only cue: each box says
 * what happened in words too.
 */
import { For } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { GraphDiff } from '../../../shared/diff/types.ts';
import type { PipelineGraph, PipelineNode } from '../../../shared/graph/types.ts';
import { formatValue } from './format-value.ts';
import { graphNodeRect } from './node-box.ts';

export interface DiffOverlayProps {
  diff: GraphDiff;
  /** The newer side, as drawn on the canvas. */
  graph: PipelineGraph;
  registry: ComponentRegistry;
}

type Kind = 'added' | 'removed' | 'changed';
const WORDS: Record<Kind, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

function Box(props: { node: PipelineNode; kind: Kind; registry: ComponentRegistry; chips?: string[] }) {
  const rect = () => graphNodeRect(props.registry, props.node);
  return (
    <div
      class={`diff-box diff-box--${props.kind}`}
      data-testid={`diff-${props.kind}`}
      data-node-id={props.node.id}
      style={{
        left: `${rect().x}px`,
        top: `${rect().y}px`,
        width: `${rect().width}px`,
        height: `${rect().height}px`,
      }}
    >
      <span class="diff-box__tag">{WORDS[props.kind]}</span>
      {props.kind === 'removed' && <span class="diff-box__label">{props.node.label}</span>}
      {props.chips && props.chips.length > 0 && (
        <ul class="diff-box__chips" aria-label={`Changes to ${props.node.label}`}>
          <For each={props.chips}>{(chip) => <li class="diff-chip">{chip}</li>}</For>
        </ul>
      )}
    </div>
  );
}

export function DiffOverlay(props: DiffOverlayProps) {
  const nodeById = () => new Map(props.graph.nodes.map((node) => [node.id, node]));
  const changed = () =>
    props.diff.nodes.changed.flatMap((change) => {
      const node = nodeById().get(change.nodeId);
      if (!node) return [];
      const chips = change.params.map((p) => `${p.name}: ${formatValue(p.before)} → ${formatValue(p.after)}`);
      if (change.label) chips.unshift(`label: ${change.label.before} → ${change.label.after}`);
      if (change.type) chips.unshift(`type: ${change.type.before} → ${change.type.after}`);
      return [{ node, chips }];
    });
  return (
    <div class="diff-overlay" aria-hidden="true">
      <For each={props.diff.nodes.removed}>
        {(node) => <Box node={node} kind="removed" registry={props.registry} />}
      </For>
      <For each={props.diff.nodes.added}>
        {(node) => <Box node={node} kind="added" registry={props.registry} />}
      </For>
      <For each={changed()}>
        {(entry) => <Box node={entry.node} kind="changed" registry={props.registry} chips={entry.chips} />}
      </For>
    </div>
  );
}
