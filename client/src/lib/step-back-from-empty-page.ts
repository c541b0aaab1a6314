/**
 * Deleting the last row of the last page leaves an empty page: step back to the last page that
 * still has rows. Waits until the list is settled (not refreshing), so it never reacts to the old
 * page while the new one is on its way.
 */
import { createEffect } from 'solid-js';
import type { PagedList } from './create-paged-list.ts';

export function createStepBackFromEmptyPage(
  list: PagedList<unknown>,
  setOffset: (offset: number) => void,
): void {
  createEffect(() => {
    if (list.status() === 'ready' && !list.refreshing() && list.items.length === 0 && list.offset() > 0) {
      setOffset(Math.max(0, Math.floor((list.total() - 1) / list.limit) * list.limit));
    }
  });
}
