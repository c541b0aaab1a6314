/** Other people's pointers with their names, drawn in screen space so they keep their size. */
import { createMemo, For, Show } from 'solid-js';
import { canvasToScreen, type Viewport } from './controllers/viewport.ts';
import { sameItems } from './same-items.ts';
import type { RemotePerson } from './store/presence.ts';

export function RemoteCursors(props: { people: readonly RemotePerson[]; viewport: Viewport }) {
  // Keyed by client id (not by the state objects, which are new on every awareness update), so a
  // moving cursor updates its transform instead of being re-created.
  const ids = createMemo(() => props.people.filter((p) => p.cursor).map((p) => p.clientId), [], {
    equals: sameItems,
  });
  return (
    <div class="remote-cursors" aria-hidden="true">
      <For each={ids()}>
        {(clientId) => {
          const person = () => props.people.find((p) => p.clientId === clientId);
          const at = () => {
            const c = person()?.cursor;
            return c ? canvasToScreen(props.viewport, c) : null;
          };
          return (
            <Show when={at()}>
              {(p) => (
                <div
                  class="remote-cursor"
                  style={{
                    transform: `translate(${p().x}px, ${p().y}px)`,
                    '--cursor-color': person()?.user.color,
                  }}
                >
                  <svg
                    class="remote-cursor__arrow"
                    width="16"
                    height="20"
                    viewBox="0 0 16 20"
                    aria-hidden="true"
                  >
                    <path d="M1 1 L1 16 L5 12 L8 19 L11 17.6 L8 11 L14 11 Z" />
                  </svg>
                  <span class="remote-cursor__name">{person()?.user.name}</span>
                </div>
              )}
            </Show>
          );
        }}
      </For>
    </div>
  );
}
