/**
 * Which cards show their contents (controllers/detail-region.ts): those in the region around the
 * view, and the card holding keyboard focus wherever it is, so that panning away from a focused
 * port never unmounts it (focus would fall to the page) and the Tab walk always finds the ports
 * of the node it is on. Every card stays in the DOM with its role, name and focus stop either way.
 * Edges likewise: each keeps its focusable group, but only those that can reach the region draw
 * their paths (a remote move far away then rewrites no path, and hover hit-tests skip them).
 */
import { type Accessor, createComputed, createMemo, createSelector, createSignal, untrack } from 'solid-js';
import { inDetailRegion, nextDetailRegion } from './controllers/detail-region.ts';
import type { Rect, Size } from './controllers/geometry.ts';
import type { Viewport } from './controllers/viewport.ts';

export interface LevelOfDetail {
  /** Whether the card of `nodeId`, drawn at `rect`, shows its contents. Reactive. */
  showsContents(nodeId: string, rect: Rect): boolean;
  /**
   * Whether an edge whose curve lies in `bounds` draws its paths: those that can reach the region
   * do, and all of them when zoomed out past it (the whole graph's shape is the picture then).
   */
  drawsEdge(bounds: Rect): boolean;
  /**
   * Whether there is a region at all: false when zoomed out past TINY_ZOOM, where every card is a
   * bare box and the whole graph is the picture. Reactive; changes only when the zoom crosses
   * TINY_ZOOM. While there is one, the region holds the whole view, so a bare card is always
   * off-screen and paints nothing (NodeCard.tsx). Without one, edges draw no wide hit paths: a
   * 14 px hit stroke is a screen pixel or two wide there, too thin to aim at, yet 1,500
   * hit-testable paths cost paint, layerization and layout on every frame (a fifth of a remote
   * burst's main-thread time at fit zoom). The Tab walk still reaches every card and edge.
   */
  hasDetailRegion(): boolean;
  /**
   * The region itself (null without one). Reactive; changes only when the view nears the region's
   * edge. Off-screen cards follow their nodes when it changes rather than on every move.
   */
  detailRegion(): Rect | null;
  /** The node whose card (or one of its ports) has keyboard focus, or null. */
  setFocusedNode(nodeId: string | null): void;
}

export function createLevelOfDetail(viewport: Accessor<Viewport>, size: Accessor<Size>): LevelOfDetail {
  // Runs on every pan frame, but sets the region only when the view nears its edge. A signal set
  // from a computation, not a memo: a memo that returns the same value still marks each of the
  // thousand cards' memos over it pending on every viewport change (several ms a frame in a pan).
  const [region, setRegion] = createSignal<Rect | null>(null);
  createComputed(() => {
    const previous = untrack(region);
    const next = nextDetailRegion(previous, viewport(), size());
    if (next !== previous) setRegion(next);
  });
  // A memo, so that a pan that moves the region notifies none of the cards and edges that read this.
  const hasDetailRegion = createMemo(() => region() !== null);
  const [focused, setFocused] = createSignal<string | null>(null);
  const holdsFocus = createSelector(focused);
  return {
    showsContents: (nodeId, rect) => holdsFocus(nodeId) || inDetailRegion(region(), rect),
    drawsEdge: (bounds) => region() === null || inDetailRegion(region(), bounds),
    hasDetailRegion,
    detailRegion: region,
    setFocusedNode: (nodeId) => setFocused(nodeId),
  };
}
