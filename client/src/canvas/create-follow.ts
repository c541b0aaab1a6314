/**
 * Following another person: when their cursor leaves the middle of the view, the view re-centres
 * on it. The dead zone keeps the view calm while they work within a region.
 */
import { type Accessor, createEffect, untrack } from 'solid-js';
import { canvasToScreen, centerOn } from './controllers/viewport.ts';
import type { View } from './create-view.ts';
import type { RemotePerson } from './store/presence.ts';

/** Share of the view (centred) in which a followed cursor may move without re-centring. */
export const FOLLOW_DEAD_ZONE = 0.6;

export function createFollow(
  clientId: Accessor<number | null | undefined>,
  people: Accessor<readonly RemotePerson[]>,
  view: View,
): void {
  createEffect(() => {
    const id = clientId();
    if (id == null) return;
    const cursor = people().find((p) => p.clientId === id)?.cursor;
    if (!cursor) return;
    const v = untrack(view.viewport);
    const s = untrack(view.size);
    const screen = canvasToScreen(v, cursor);
    const marginX = (s.width * (1 - FOLLOW_DEAD_ZONE)) / 2;
    const marginY = (s.height * (1 - FOLLOW_DEAD_ZONE)) / 2;
    const outside =
      screen.x < marginX ||
      screen.x > s.width - marginX ||
      screen.y < marginY ||
      screen.y > s.height - marginY;
    if (outside) view.setViewport(centerOn(v, s, cursor));
  });
}
