/**
 * What every card, port and edge needs to know about the canvas, as per-key reactive reads.
 * Each function subscribes only to the key it is asked about (selectors and keyed signals), so a
 * change to one node's selection, problems or remote outline touches that node's card alone.
 */
import { createContext, useContext } from 'solid-js';
import type { ComponentRegistry, JsonValue } from '../../../shared/catalog/types.ts';
import type { Rect } from './controllers/geometry.ts';
import type { PortSide } from './controllers/node-layout.ts';
import type { RemoteMark } from './store/remote-marks.ts';

export interface CanvasProblem {
  /** Absent for pipeline-wide problems (those belong in the Problems drawer, not on a node). */
  nodeId?: string;
  severity: 'error' | 'warning';
  message: string;
}

/** How a port looks during a connection drag. */
export type PortState = 'source' | 'ok' | 'bad' | 'refused' | null;

export interface CanvasScope {
  registry: ComponentRegistry;
  readOnly(): boolean;
  isSelected(nodeId: string): boolean;
  /** Inside the marquee being dragged (shown before the selection changes). */
  isMarqueeHit(nodeId: string): boolean;
  marks(nodeId: string): readonly RemoteMark[];
  problems(nodeId: string): readonly CanvasProblem[];
  isRunning(nodeId: string): boolean;
  isHighlighted(nodeId: string): boolean;
  portState(key: string): PortState;
  isPortConnected(key: string): boolean;
  isEdgeSelected(edgeId: string): boolean;
  /** Whether a card drawn at `rect` shows its contents or is a bare box (create-level-of-detail.ts). */
  showsContents(nodeId: string, rect: Rect): boolean;
  /** Whether an edge whose curve lies in `bounds` draws its paths (create-level-of-detail.ts). */
  drawsEdge(bounds: Rect): boolean;
  /**
   * Whether a detail region exists (not when zoomed out past TINY_ZOOM): then bare cards are
   * off-screen and edges draw their hit paths (create-level-of-detail.ts).
   */
  hasDetailRegion(): boolean;
  /** The detail region, null without one (create-level-of-detail.ts). */
  detailRegion(): Rect | null;
  /** How the page words a parameter value on a card (a dataset id as its name); undefined: the default. */
  paramText?(componentType: string, param: string, value: JsonValue | undefined): string | undefined;
}

export function portKey(nodeId: string, side: PortSide, portId: string): string {
  return `${nodeId}\u0000${side}\u0000${portId}`;
}

export const CanvasScopeContext = createContext<CanvasScope>();

export function useCanvasScope(): CanvasScope {
  const scope = useContext(CanvasScopeContext);
  if (!scope) throw new Error('Canvas parts must render inside <PipelineCanvas>');
  return scope;
}
