/** createStepBackFromEmptyPage: both list pages leave a page that deleting emptied, once settled. */
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { PagedList } from '../../client/src/lib/create-paged-list.ts';
import { createStepBackFromEmptyPage } from '../../client/src/lib/step-back-from-empty-page.ts';

function fakeList(limit: number) {
  const [items, setItems] = createSignal<readonly { id: string }[]>([]);
  const [offset, setOffset] = createSignal(0);
  const [total, setTotal] = createSignal(0);
  const [refreshing, setRefreshing] = createSignal(false);
  const list: PagedList<{ id: string }> = {
    status: () => 'ready',
    refreshing,
    error: () => undefined,
    get items() {
      return items();
    },
    total,
    offset,
    limit,
    refetch: async () => {},
    replace: () => {},
  };
  return { list, setItems, setOffset, setTotal, setRefreshing };
}

describe('createStepBackFromEmptyPage', () => {
  it('steps back to the last page with rows, not while a newer page is loading', () => {
    const offsets: number[] = [];
    const fake = createRoot(() => {
      const fake = fakeList(20);
      fake.setItems([{ id: 'a' }]);
      fake.setOffset(40);
      fake.setTotal(41);
      createStepBackFromEmptyPage(fake.list, (next) => offsets.push(next));
      return fake;
    });
    expect(offsets).toEqual([]);

    // The last row of the third page is deleted; the refetch is still on its way.
    fake.setRefreshing(true);
    fake.setItems([]);
    fake.setTotal(40);
    expect(offsets).toEqual([]);

    fake.setRefreshing(false);
    expect(offsets).toEqual([20]);
  });

  it('leaves the first page alone when it is empty', () => {
    const offsets: number[] = [];
    createRoot(() => createStepBackFromEmptyPage(fakeList(20).list, (next) => offsets.push(next)));
    expect(offsets).toEqual([]);
  });
});
