/**
 * The two canvas actions with more to them than one operation: adding a component where the
 * person means (at a drop point, never exactly on top of another card; or near the pointer or the
 * middle of the view, at the nearest spot clear of cards and suggestion ghosts) and tidying up
 * with elk (asynchronous, applied as one undo step).
 */
import { type Accessor, createSignal } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { computeTidyLayout } from './controllers/auto-layout.ts';
import { nearestFreeSpot } from './controllers/free-spot.ts';
import type { Point, Rect, Size } from './controllers/geometry.ts';
import { NODE_WIDTH, nodeHeight } from './controllers/node-layout.ts';
import { GRID, snapPoint } from './controllers/snap.ts';
import { viewCenter } from './controllers/viewport.ts';
import type { View } from './create-view.ts';
import type { CanvasEditor } from './editor.ts';
import { summaryLineCount } from './node-summary.ts';
import { nodeBoxes, nodeShapeOf } from './runtime.ts';
import type { EdgeRecords } from './store/edge-records.ts';
import type { NodeRecords } from './store/node-records.ts';

/** How far a new card steps aside when its spot is taken. */
const STEP_ASIDE = 32;

export interface CanvasActionsOptions {
  registry: ComponentRegistry;
  editor: CanvasEditor;
  nodes: NodeRecords;
  edges: EdgeRecords;
  view: View;
  readOnly: Accessor<boolean>;
  pointer: Accessor<Point | null>;
  /** Boxes a new card must not cover besides the cards themselves (pending suggestion ghosts). */
  occupied?(): readonly Rect[];
  select(ids: readonly string[]): void;
  focusNode(id: string): void;
  announce(text: string): void;
  notify(text: string, at: Point | null, tone: 'error' | 'info'): void;
  mod: string;
}

export interface CanvasActions {
  /**
   * Adds a component with its top-left at `at`, or centred on `anchor` (default: the pointer if it
   * is over the canvas, else the middle of the view). Returns the new id, or null when read-only.
   */
  addComponent(type: string, at?: Point, anchor?: Point | null): string | null;
  /**
   * Top-left of the free spot nearest to a card of `size` centred on `centre` (default: the middle
   * of the view), clear of cards and `occupied` boxes.
   */
  freeSpot(size: Size, centre?: Point): Point;
  tidyUp(): Promise<void>;
  tidying: Accessor<boolean>;
}

export function createCanvasActions(o: CanvasActionsOptions): CanvasActions {
  const [tidying, setTidying] = createSignal(false);

  /** `at`, or a step aside from it: a card dropped exactly on another would hide it. */
  const stepAside = (at: Point): Point => {
    const taken = new Set(o.nodes.all().map((r) => `${r.position().x},${r.position().y}`));
    const p = snapPoint(at, GRID);
    while (taken.has(`${p.x},${p.y}`)) {
      p.x += STEP_ASIDE;
      p.y += STEP_ASIDE;
    }
    return p;
  };

  /** The nearest spot clear of every card and ghost for a card of `size` centred on `centre`. */
  const clearSpot = (size: Size, centre: Point): Point =>
    nearestFreeSpot({ x: centre.x - size.width / 2, y: centre.y - size.height / 2 }, size, [
      ...nodeBoxes(o.registry, o.nodes).map((box) => box.rect),
      ...(o.occupied?.() ?? []),
    ]);
  const viewMiddle = () => viewCenter(o.view.viewport(), o.view.size());

  return {
    tidying,
    freeSpot: (size, centre) => clearSpot(size, centre ?? viewMiddle()),
    addComponent(type, at, anchorAt) {
      const def = o.registry.get(type);
      if (o.readOnly() || !def) return null;
      const size = {
        width: NODE_WIDTH,
        height: nodeHeight({
          inputs: def.inputs.length,
          outputs: def.outputs.length,
          summaryLines: summaryLineCount(def),
        }),
      };
      // A drop point is where the person wants it; anything else is "about here".
      const topLeft = at ? stepAside(at) : clearSpot(size, anchorAt ?? o.pointer() ?? viewMiddle());
      const id = o.editor.addComponent(type, topLeft);
      o.select([id]);
      o.announce(`Added ${def.label}`);
      queueMicrotask(() => o.focusNode(id));
      return id;
    },
    async tidyUp() {
      if (o.readOnly() || tidying()) return;
      const records = o.nodes.all();
      if (records.length === 0) return;
      setTidying(true);
      try {
        const positions = await computeTidyLayout(
          records.map((r) => {
            const def = o.registry.get(r.type());
            return {
              id: r.id,
              x: r.position().x,
              y: r.position().y,
              height: nodeHeight(nodeShapeOf(o.registry, r)),
              inputs: def?.inputs.map((p) => p.id) ?? [],
              outputs: def?.outputs.map((p) => p.id) ?? [],
            };
          }),
          o.edges.list(),
        );
        // Nodes deleted while elk was working are skipped by moveNodes; the rest move as one step.
        const moved = o.editor.move(positions);
        o.announce(moved > 0 ? `Tidied up ${moved} nodes. Undo with ${o.mod}+Z.` : 'Already tidy');
        o.view.zoomToFit();
      } catch (error) {
        o.notify(`Tidy up failed: ${error instanceof Error ? error.message : String(error)}`, null, 'error');
      } finally {
        setTidying(false);
      }
    },
  };
}
