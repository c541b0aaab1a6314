/**
 * Draw groups: the canvas draws its cards and its edges in groups of a few dozen so that a moved
 * card relays out its group only and a changed edge repaints its group's SVG only. An item never
 * changes group while it exists (that would remount its card), items keep the list's order, and
 * groups that empty out go away.
 */
import { createRoot, createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrawGroups, type DrawGroup } from '../../client/src/canvas/store/draw-groups.ts';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

function setup(initial: string[], capacity = 3) {
  const [ids, setIds] = createSignal<readonly string[]>(initial);
  const groups = createRoot((dispose) => {
    disposers.push(dispose);
    return createDrawGroups(ids, capacity);
  });
  const layout = () => groups().map((g) => g.items());
  return { setIds, groups, layout };
}

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `n${from + i}`);

describe('draw groups', () => {
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
    const keys = groups().map((g: DrawGroup<string>) => g.key);
    setIds(['n0', 'n1', 'n2', 'n6']);
    expect(layout()).toEqual([['n0', 'n1', 'n2'], ['n6']]);
    expect(groups().map((g) => g.key)).toEqual([keys[0], keys[2]]);
  });

  it('signals only the groups whose members changed', () => {
    const { setIds, groups } = setup(ids(6));
    const [first, second] = groups();
    const firstIds = first!.items();
    setIds([...ids(6).filter((id) => id !== 'n4'), 'n9']);
    expect(first!.items()).toBe(firstIds);
    expect(second!.items()).toEqual(['n3', 'n5', 'n9']);
  });

  it('a node removed and added again (an undone delete) comes back at the end', () => {
    const { setIds, layout } = setup(ids(3));
    setIds(['n0', 'n2']);
    setIds(['n0', 'n2', 'n1']);
    expect(layout()).toEqual([['n0', 'n2', 'n1']]);
  });

  it('groups objects by identity: an edge record rewritten in place is a new item, in the last group', () => {
    type Edge = { id: string };
    const a: Edge = { id: 'a' };
    const b: Edge = { id: 'b' };
    const c: Edge = { id: 'c' };
    const [list, setList] = createSignal<readonly Edge[]>([a, b, c]);
    const groups = createRoot((dispose) => {
      disposers.push(dispose);
      return createDrawGroups(list, 2);
    });
    const layout = () => groups().map((g) => g.items().map((e) => e.id));
    expect(layout()).toEqual([['a', 'b'], ['c']]);
    const rewritten: Edge = { id: 'a' };
    setList([rewritten, b, c]);
    // In the last group, in the list's order there.
    expect(layout()).toEqual([['b'], ['a', 'c']]);
    expect(groups()[1]!.items()[0]).toBe(rewritten);
  });
});
