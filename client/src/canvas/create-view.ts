/**
 * The view onto the canvas: viewport (pan and zoom), the size of the element it is drawn in,
 * zoom-to-fit and bringing a node into view. A person's own pan or zoom while following someone
 * tells the page to stop following.
 */
import { type Accessor, createSignal } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { type Rect, type Size, unionRects } from './controllers/geometry.ts';
import { nodeRect } from './controllers/node-layout.ts';
import {
  centerOn,
  fitBounds,
  IDENTITY_VIEWPORT,
  type Viewport,
  viewportsEqual,
  visibleRect,
} from './controllers/viewport.ts';
import { nodeBoxes, nodeShapeOf } from './runtime.ts';
import { displayPosition, type NodeRecords } from './store/node-records.ts';

/** Screen pixels the bottom controls take: zoom-to-fit keeps the graph above them. */
export const CONTROLS_INSET = 56;

export interface ViewOptions {
  registry: ComponentRegistry;
  nodes: NodeRecords;
  /** Called when the person moved the view themselves. */
  onUserMove(): void;
  /** More boxes zoom-to-fit keeps in view (suggestion ghosts). */
  extraRects?(): readonly Rect[];
}

export interface View {
  viewport: Accessor<Viewport>;
  /**
   * No will-change promotion of the world layer follows from here, on purpose: measured with
   * 1,000 cards, a composited world made Chrome split cards into hundreds of overlap layers, and
   * promoting only during gestures cost a full re-raster at each start and end.
   */
  setViewport(v: Viewport, cause?: 'user' | 'program'): void;
  size: Accessor<Size>;
  setSize(size: Size): void;
  /** Fits every node (and extra box) in view; false when there is nothing to fit. */
  zoomToFit(cause?: 'user' | 'program'): boolean;
  /** Pans (without zooming) so the node is in view, if it is not already. */
  revealNode(nodeId: string): void;
}

export function createView(options: ViewOptions): View {
  const [viewport, setViewportSignal] = createSignal<Viewport>(IDENTITY_VIEWPORT, { equals: viewportsEqual });
  const [size, setSize] = createSignal<Size>(
    { width: 800, height: 600 },
    { equals: (a, b) => a.width === b.width && a.height === b.height },
  );

  const setViewport = (v: Viewport, cause: 'user' | 'program' = 'program') => {
    setViewportSignal(v);
    if (cause === 'user') options.onUserMove();
  };

  return {
    viewport,
    setViewport,
    size,
    setSize: (s) => setSize(s),
    zoomToFit(cause = 'user') {
      const bounds = unionRects([
        ...nodeBoxes(options.registry, options.nodes).map((b) => b.rect),
        ...(options.extraRects?.() ?? []),
      ]);
      if (!bounds) return false;
      setViewport(fitBounds(bounds, size(), { bottomInset: CONTROLS_INSET }), cause);
      return true;
    },
    revealNode(nodeId) {
      const r = options.nodes.get(nodeId);
      if (!r) return;
      const rect = nodeRect(displayPosition(r), nodeShapeOf(options.registry, r));
      const view = visibleRect(viewport(), size());
      const inside =
        rect.x >= view.x &&
        rect.y >= view.y &&
        rect.x + rect.width <= view.x + view.width &&
        rect.y + rect.height <= view.y + view.height;
      if (!inside)
        setViewport(
          centerOn(viewport(), size(), { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }),
        );
    },
  };
}
