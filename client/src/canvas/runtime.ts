/**
 * The state the canvas's bindings share: built once by <PipelineCanvas> and handed to the pointer
 * binding, the command runner and the overlays. Plain accessors and functions; the document is
 * reached only through `editor`.
 */
import type { Accessor } from 'solid-js';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import type { Point, Size } from './controllers/geometry.ts';
import type { NodePorts } from './controllers/hit-test.ts';
import { type NodeShape, nodeRect } from './controllers/node-layout.ts';
import type { Viewport } from './controllers/viewport.ts';
import type { CanvasEditor } from './editor.ts';
import { summaryLineCount } from './node-summary.ts';
import type { EdgeRecords } from './store/edge-records.ts';
import type { LocalPresence } from './store/local-presence.ts';
import { displayPosition, type NodeRecord, type NodeRecords } from './store/node-records.ts';

export interface CanvasRuntime {
  registry: ComponentRegistry;
  editor: CanvasEditor;
  nodes: NodeRecords;
  edges: EdgeRecords;
  readOnly: Accessor<boolean>;
  viewport: Accessor<Viewport>;
  /** Sets the viewport after a person's own pan or zoom (this stops following someone). */
  setViewport(v: Viewport, cause?: 'user' | 'program'): void;
  size(): Size;
  selection: Accessor<readonly string[]>;
  setSelection(ids: readonly string[]): void;
  selectedEdge: Accessor<string | null>;
  setSelectedEdge(id: string | null): void;
  /** Last pointer position over the canvas, in canvas units; null when the pointer is elsewhere. */
  pointer: Accessor<Point | null>;
  setPointer(p: Point | null): void;
  announce(text: string): void;
  presence: LocalPresence;
  root(): HTMLElement | undefined;
  focusNode(id: string): void;
  zoomToFit(): void;
  tidyUp(): Promise<void>;
  openPalette(): void;
  toggleHelp(): void;
  undo(): void;
  redo(): void;
  /** Shows a short message near a canvas point (refusals, paste problems). */
  notify(text: string, at: Point | null, tone?: 'error' | 'info'): void;
}

export function nodeShapeOf(registry: ComponentRegistry, r: NodeRecord): NodeShape {
  const def = registry.get(r.type());
  return {
    inputs: def?.inputs.length ?? 0,
    outputs: def?.outputs.length ?? 0,
    summaryLines: summaryLineCount(def),
  };
}

/** Hit-test boxes of every node where it is drawn now (drag previews included). Not reactive. */
export function nodeBoxes(registry: ComponentRegistry, nodes: NodeRecords): NodePorts[] {
  return nodes.all().map((r) => {
    const def = registry.get(r.type());
    return {
      id: r.id,
      rect: nodeRect(displayPosition(r), nodeShapeOf(registry, r)),
      inputs: def?.inputs.map((p) => p.id) ?? [],
      outputs: def?.outputs.map((p) => p.id) ?? [],
    };
  });
}

/** The card element of a node on the canvas under `root` (it exists at every zoom), or null. */
export function cardElement(root: ParentNode | undefined, id: string): HTMLElement | null {
  return root?.querySelector<HTMLElement>(`.node[data-node-id="${CSS.escape(id)}"]`) ?? null;
}

export function describeNode(registry: ComponentRegistry, r: NodeRecord | undefined): string {
  if (!r) return 'node';
  const def = registry.get(r.type());
  return def && def.label !== r.label() ? `${r.label()} (${def.label})` : r.label();
}
