/**
 * Card groups: the canvas draws its cards in groups of a few dozen so that a moved card relays out
 * its group only. A node never changes group while it exists (that would remount its card), the
 * cards keep the id list's order, and groups that empty out go away.
 */
import { createRoot, createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { type CardGroup, createCardGroups } from '../../client/src/canvas/store/card-groups.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

function setup(initial: string[], capacity = 3) {
  const [ids, setIds] = createSignal<readonly string[]>(initial);
  const groups = createRoot((dispose) => {
    disposers.push(dispose);
    return createCardGroups(ids, capacity);
  });
  const layout = () => groups().map((g) => g.ids());
  return { setIds, groups, layout };
}

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `n${from + i}`);

describe('card groups', () => {
  it('fills groups up to their capacity in id order', () => {
    const { layout } = setup(ids(7));
    expect(layout()).toEqual([['n0', 'n1', 'n2'], ['n3', 'n4', 'n5'], ['n6']]);
  });

  it('an empty canvas has no groups', () => {
    expect(setup([]).layout()).toEqual([]);
  });

  it('adds new nodes to the last group while it has room, then opens another', () => {
    const { setIds, layout } = setup(ids(4));
    setIds(ids(5));
    expect(layout()).toEqual([
      ['n0', 'n1', 'n2'],
      ['n3', 'n4'],
    ]);
    setIds(ids(7));
    expect(layout()).toEqual([['n0', 'n1', 'n2'], ['n3', 'n4', 'n5'], ['n6']]);
  });

  it('removing a node leaves every other node in its group (no card is remounted elsewhere)', () => {
    const { setIds, groups, layout } = setup(ids(6));
    const before = groups();
    setIds(ids(6).filter((id) => id !== 'n1'));
    expect(layout()).toEqual([
      ['n0', 'n2'],
      ['n3', 'n4', 'n5'],
    ]);
    expect(groups()).toBe(before);
  });

  it('a group that empties out goes, and the others keep their keys', () => {
    const { setIds, groups, layout } = setup(ids(7));
    const keys = groups().map((g: CardGroup) => g.key);
    setIds(['n0', 'n1', 'n2', 'n6']);
    expect(layout()).toEqual([['n0', 'n1', 'n2'], ['n6']]);
    expect(groups().map((g) => g.key)).toEqual([keys[0], keys[2]]);
  });

  it('signals only the groups whose members changed', () => {
    const { setIds, groups } = setup(ids(6));
    const [first, second] = groups();
    const firstIds = first!.ids();
    setIds([...ids(6).filter((id) => id !== 'n4'), 'n9']);
    expect(first!.ids()).toBe(firstIds);
    expect(second!.ids()).toEqual(['n3', 'n5', 'n9']);
  });

  it('a node removed and added again (an undone delete) comes back at the end', () => {
    const { setIds, layout } = setup(ids(3));
    setIds(['n0', 'n2']);
    setIds(['n0', 'n2', 'n1']);
    expect(layout()).toEqual([['n0', 'n2', 'n1']]);
  });
});
