/**
 * A node as a card: category strip, icon, label, short name, ports and a compact parameter
 * summary. Each text and style binding reads only the signal it shows, so a remote label edit
 * rewrites one text node and a drag rewrites the card's left and top.
 *
 * Level of detail: a card that does not show its contents (scope.showsContents: away from the
 * view, or zoomed out past TINY_ZOOM, unless it holds keyboard focus) keeps its element, role,
 * accessible name and focus stop but draws nothing and has no box of its own (`node--offscreen`:
 * not positioned, 1 px square). Zoomed in enough to have a detail region, such a card is always
 * outside the view: a thousand boxes nobody can see were a third of the layerization of every frame
 * at reading zoom. Zoomed out past it, NodeShapes.tsx draws every card as a rectangle instead. Nor
 * does its left/top follow every move of its node (see `drawnAt`).
 */
import { createMemo, Show, untrack } from 'solid-js';
import { canvasStats } from './canvas-stats.ts';
import { nodeHeight, nodeRect } from './controllers/node-layout.ts';
import { NodeContents } from './NodeContents.tsx';
import { nodeStateClasses } from './node-states.ts';
import { summaryLineCount } from './node-summary.ts';
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
  const position = () => displayPosition(r);
  const marks = () => scope.marks(r.id);
  const detailed = createMemo(() => scope.showsContents(r.id, nodeRect(position(), shape())));
  const offscreen = () => !detailed();
  // Where the box is drawn. An off-screen card has no box (canvas.css), so its left/top follow its
  // node only when it leaves the region and when the region moves (or appears), not on every move:
  // a collaborator moving nodes far from the view then costs no style, layout or hover hit test
  // (at reading zoom in a remote burst, most moves are of such nodes; zoomed out past the region,
  // all of them but the focused card's).
  const drawnAt = createMemo(
    () => {
      if (!offscreen()) return position();
      scope.detailRegion();
      return untrack(position);
    },
    undefined,
    { equals: (a, b) => a.x === b.x && a.y === b.y },
  );
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
        ...nodeStateClasses('node', scope, r, def() !== undefined),
        'node--bare': !detailed(),
        'node--offscreen': offscreen(),
      }}
      // left/top, not a transform: a transform per card gives the page a thousand transform nodes,
      // and Chrome then re-layerizes all of them (hundreds of ms) whenever anything repaints.
      style={{
        left: `${drawnAt().x}px`,
        top: `${drawnAt().y}px`,
        height: `${nodeHeight(shape())}px`,
        '--mark-color': marks()[0]?.color,
      }}
    >
      {/* Hidden below TINY_ZOOM by CSS, where the card's tint tells categories apart and the strip
          would be a third of a screen pixel tall (canvas.css, `.canvas--tiny .node > .node__strip`). */}
      <div class="node__strip" aria-hidden="true" />
      <Show when={detailed()}>
        <NodeContents record={r} def={def()} shape={shape()} marks={marks()} />
      </Show>
    </div>
  );
}
