/**
 * The states a node is drawn in, as a card (NodeCard.tsx) or, zoomed out past TINY_ZOOM, as a
 * shape (NodeShapes.tsx): one list, so that both always show the same states. The class names are
 * `<prefix>--<state>`, styled in canvas.css for each. Reactive: read inside a binding.
 */
import type { CanvasScope } from './scope.ts';
import type { NodeRecord } from './store/node-records.ts';

export function nodeStateClasses(
  prefix: 'node' | 'node-shape',
  scope: CanvasScope,
  r: NodeRecord,
  known: boolean,
): Record<string, boolean> {
  return {
    [`${prefix}--selected`]: scope.isSelected(r.id),
    [`${prefix}--marquee`]: scope.isMarqueeHit(r.id),
    [`${prefix}--running`]: scope.isRunning(r.id),
    [`${prefix}--highlight`]: scope.isHighlighted(r.id),
    [`${prefix}--remote`]: scope.marks(r.id).length > 0,
    [`${prefix}--dragging`]: r.localPreview() !== null || r.remotePreview() !== null,
    [`${prefix}--unknown`]: !known,
    [`${prefix}--readonly`]: scope.readOnly(),
  };
}
