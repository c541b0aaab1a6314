/**
 * A node as a card: category strip, icon, label, short name, ports and a compact parameter
 * summary. Each text and style binding reads only the signal it shows, so a remote label edit
 * rewrites one text node and a drag rewrites one transform.
 */
import { createMemo, For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { canvasStats } from './canvas-stats.ts';
import { HEADER_HEIGHT, nodeHeight, portsHeight } from './controllers/node-layout.ts';
import { iconFor } from './icons.ts';
import { NodePort } from './NodePort.tsx';
import { summarizeParams, summaryLineCount } from './node-summary.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import { useCanvasScope } from './scope.ts';
import { displayPosition, type NodeRecord } from './store/node-records.ts';

export function NodeCard(props: { record: NodeRecord }) {
  canvasStats.cardMounts++;
  const scope = useCanvasScope();
  const r = props.record;
  const def = createMemo(() => scope.registry.get(r.type()));
  const shape = createMemo(() => ({
    inputs: def()?.inputs.length ?? 0,
    outputs: def()?.outputs.length ?? 0,
    summaryLines: summaryLineCount(def()),
  }));
  const summary = createMemo(() => {
    const lines = summarizeParams(def(), r.params());
    if (!scope.paramText) return lines;
    return lines.map((line) => {
      const text = scope.paramText?.(r.type(), line.name, r.params()[line.name]);
      return text === undefined ? line : { ...line, value: text };
    });
  });
  // left/top, not a transform: a transform per card gives the page a thousand transform nodes,
  // and Chrome then re-layerizes all of them (hundreds of ms) whenever anything repaints. Cards are
  // absolutely positioned with layout containment, so moving one lays out only that card.
  const position = () => displayPosition(r);
  const marks = () => scope.marks(r.id);
  const componentName = () => def()?.label ?? `Unknown component (${r.type()})`;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a card is not a form group; role=group names it for assistive tech.
    <div
      class="node"
      data-node-id={r.id}
      data-category={def()?.category ?? 'unknown'}
      role="group"
      aria-roledescription="node"
      aria-label={`${r.label()}, ${componentName()}${scope.isSelected(r.id) ? ', selected' : ''}`}
      tabindex="-1"
      classList={{
        'node--selected': scope.isSelected(r.id),
        'node--marquee': scope.isMarqueeHit(r.id),
        'node--running': scope.isRunning(r.id),
        'node--highlight': scope.isHighlighted(r.id),
        'node--remote': marks().length > 0,
        'node--dragging': r.localPreview() !== null || r.remotePreview() !== null,
        'node--unknown': !def(),
        'node--readonly': scope.readOnly(),
      }}
      style={{
        left: `${position().x}px`,
        top: `${position().y}px`,
        height: `${nodeHeight(shape())}px`,
        '--mark-color': marks()[0]?.color,
      }}
    >
      <div class="node__strip" aria-hidden="true" />
      <div class="node__header">
        <span class="node__icon" aria-hidden="true">
          <Dynamic component={iconFor(def()?.icon, def()?.category)} size={16} stroke-width={1.75} />
        </span>
        <span class="node__titles">
          <span class="node__label">{r.label()}</span>
          <span class="node__short">{def()?.shortName ?? r.type()}</span>
        </span>
        <Show when={scope.problems(r.id).length > 0}>
          <ProblemBadge problems={scope.problems(r.id)} />
        </Show>
      </div>
      <For each={def()?.inputs ?? []}>
        {(port, index) => (
          <NodePort nodeId={r.id} nodeLabel={r.label()} port={port} side="in" index={index()} />
        )}
      </For>
      <For each={def()?.outputs ?? []}>
        {(port, index) => (
          <NodePort nodeId={r.id} nodeLabel={r.label()} port={port} side="out" index={index()} />
        )}
      </For>
      <Show when={summary().length > 0}>
        <dl class="node__summary" style={{ top: `${HEADER_HEIGHT + portsHeight(shape())}px` }}>
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
      <Show when={marks().length > 0}>
        <span class="node__mark-tag" style={{ background: marks()[0]?.color }} aria-hidden="true">
          {marks()
            .map((m) => m.name)
            .join(', ')}
        </span>
      </Show>
    </div>
  );
}
