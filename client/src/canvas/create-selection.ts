/**
 * Which nodes (and which one edge) are selected: controlled by the page when it passes
 * `selection`, kept here otherwise. Announced to screen readers, broadcast through awareness, and
 * pruned when selected nodes disappear (deleted by anyone, or undone).
 */
import { type Accessor, createEffect, createMemo, createSelector, createSignal, on, untrack } from 'solid-js';
import type { EdgeRecords } from './store/edge-records.ts';
import type { LocalPresence } from './store/local-presence.ts';
import type { NodeRecords } from './store/node-records.ts';

export interface SelectionOptions {
  /** The page's selection when controlled; undefined when the canvas keeps its own. */
  controlled: Accessor<readonly string[] | undefined>;
  onChange?: (ids: string[]) => void;
  announce(text: string): void;
  describe(nodeId: string): string;
  nodes: NodeRecords;
  edges: EdgeRecords;
  presence: LocalPresence;
}

export interface Selection {
  selection: Accessor<readonly string[]>;
  setSelection(ids: readonly string[]): void;
  isSelected(nodeId: string): boolean;
  selectedEdge: Accessor<string | null>;
  setSelectedEdge(id: string | null): void;
  isEdgeSelected(edgeId: string): boolean;
}

export function createSelection(options: SelectionOptions): Selection {
  const [internal, setInternal] = createSignal<readonly string[]>([]);
  const [selectedEdge, setSelectedEdge] = createSignal<string | null>(null);
  const selection = () => options.controlled() ?? internal();
  const selectedSet = createMemo(() => new Set(selection()));

  const setSelection = (ids: readonly string[]) => {
    const next = [...new Set(ids)];
    const before = untrack(selection);
    if (next.length === before.length && next.every((id, i) => id === before[i])) return;
    setInternal(next);
    options.onChange?.(next);
    if (next.length === 0) options.announce('Selection cleared');
    else if (next.length === 1) options.announce(`Selected ${options.describe(next[0])}`);
    else options.announce(`${next.length} nodes selected`);
  };

  // Everyone sees what this person selected, controlled or not.
  createEffect(() => options.presence.setSelection(selection()));
  createEffect(
    on(options.nodes.ids, () => {
      const current = untrack(selection);
      const live = current.filter((id) => options.nodes.get(id));
      if (live.length !== current.length) setSelection(live);
      const edge = untrack(selectedEdge);
      if (edge && !options.edges.get(edge)) setSelectedEdge(null);
    }),
  );

  return {
    selection,
    setSelection,
    isSelected: createSelector(selectedSet, (id: string, set) => set.has(id)),
    selectedEdge,
    setSelectedEdge: (id) => setSelectedEdge(id),
    isEdgeSelected: createSelector(selectedEdge),
  };
}
