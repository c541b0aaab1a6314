/** The inspector when several nodes are selected: how many, of what, and which. */
import { createMemo, For } from 'solid-js';
import type * as Y from 'yjs';
import type { ComponentRegistry } from '../../../shared/catalog/types.ts';
import { readNode } from '../../../shared/doc/reader.ts';

export function InspectorSelection(props: {
  doc: Y.Doc;
  registry: ComponentRegistry;
  selection: readonly string[];
}) {
  // Read once per selection change: labels changing underneath a multi-selection are not worth observing.
  const nodes = createMemo(() => props.selection.flatMap((id) => readNode(props.doc, id) ?? []));
  const byComponent = createMemo(() => {
    const counts = new Map<string, number>();
    for (const n of nodes()) {
      const name = props.registry.get(n.type)?.label ?? n.type;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  });
  return (
    <div class="inspector__multi">
      <h2 class="inspector__title">{nodes().length} nodes selected</h2>
      <p class="inspector__description">Select a single node to change its parameters.</p>
      <ul class="inspector__counts">
        <For each={byComponent()}>
          {([name, count]) => (
            <li>
              <span>{name}</span>
              <span class="inspector__count">{count}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
