/**
 * Suggested nodes on the canvas, under the real cards: dashed edges, then one ghost card per
 * pending suggestion. In canvas units inside the world layer, so they pan and zoom with the graph.
 *
 * Cards are keyed by suggestion key, not by record object: every change to the suggestions re-reads
 * them, and re-creating the cards would take keyboard focus away from a ghost someone is on.
 */
import { For, Show } from 'solid-js';
import type { Suggestions } from './create-suggestions.ts';
import { GhostCard } from './GhostCard.tsx';
import { GhostEdges } from './GhostEdges.tsx';
import './ghosts.css';
import type { NodeRecords } from './store/node-records.ts';

export function GhostLayer(props: { suggestions: Suggestions; nodes: NodeRecords }) {
  const s = props.suggestions;
  return (
    <div class="canvas__ghosts">
      <GhostEdges links={s.links()} ghosts={s.pending()} nodes={props.nodes} />
      <For each={s.keys()}>
        {(key) => (
          <Show when={s.get(key)}>
            {(record) => (
              <GhostCard
                record={record()}
                label={s.label(record())}
                onAccept={s.accept}
                onReject={s.reject}
              />
            )}
          </Show>
        )}
      </For>
    </div>
  );
}
