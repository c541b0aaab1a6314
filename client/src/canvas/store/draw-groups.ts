/**
 * Splits a list (node ids, edge records) into small groups, each drawn in its own box: cards in a
 * positioned `.canvas__card-group`, edges in an `<svg class="canvas__edge-group">` (canvas.css).
 * When a card moves, Chrome lays out the positioned cards of its group again, not all thousand:
 * with one container it walked every card on every frame of a remote burst
 * (LocalFrameView::performLayout, a fifth of the main-thread time at 1,000 nodes). When an edge's
 * path changes, Chrome repaints its group's SVG, not all 1,500 edges: in one SVG, paint was a fifth
 * of a fit-zoom remote burst, and halved with edges in groups.
 *
 * An item keeps the group it was first put in until it is removed, so adding or removing items
 * never moves one to another group (which would remount its card and lose its focus). New items go
 * to the last group while it has room. Groups follow the list's order, and so do the items within a
 * group, so the document order (what assistive tech reads, and the SVG's paint order) stays the
 * list's order but for items added after others were removed. Items are told apart by identity.
 */
import { type Accessor, batch, createComputed, createSignal, type Setter } from 'solid-js';
import { sameItems } from '../same-items.ts';

export interface DrawGroup<T> {
  /** Stable for the group's life: the key its items are rendered under. */
  readonly key: number;
  readonly items: Accessor<readonly T[]>;
}

/**
 * Small enough that laying out one group is cheap, large enough that a thousand cards make only
 * twenty more boxes (each one more layer for Chrome's hover hit test to walk). In a bare-DOM probe
 * of 1,000 cards, groups of 25–200 all cut layout per remote move by two thirds or more.
 */
export const CARDS_PER_GROUP = 50;
/** 1,500 edges in 30 SVGs: a moved node's two or three edges repaint 150 paths at most. */
export const EDGES_PER_GROUP = 50;

interface WritableGroup<T> extends DrawGroup<T> {
  setItems: Setter<readonly T[]>;
  size: number;
}

/** Must run inside a reactive owner (a component or a root). */
export function createDrawGroups<T>(
  list: Accessor<readonly T[]>,
  capacity: number,
): Accessor<readonly DrawGroup<T>[]> {
  const groupOf = new Map<T, WritableGroup<T>>();
  let groups: WritableGroup<T>[] = [];
  let nextKey = 0;

  const newGroup = (): WritableGroup<T> => {
    const [items, setItems] = createSignal<readonly T[]>([], { equals: sameItems });
    const group: WritableGroup<T> = { key: nextKey++, items, setItems, size: 0 };
    groups.push(group);
    return group;
  };

  const [groupList, setGroupList] = createSignal<readonly DrawGroup<T>[]>([], { equals: sameItems });
  createComputed(() => {
    const current = list();
    const present = new Set(current);
    for (const [item, group] of groupOf) {
      if (!present.has(item)) {
        groupOf.delete(item);
        group.size--;
      }
    }
    groups = groups.filter((g) => g.size > 0);
    for (const item of current) {
      if (groupOf.has(item)) continue;
      const last = groups.at(-1);
      const group = last && last.size < capacity ? last : newGroup();
      groupOf.set(item, group);
      group.size++;
    }
    const members = new Map<WritableGroup<T>, T[]>(groups.map((g) => [g, []]));
    for (const item of current) members.get(groupOf.get(item)!)!.push(item);
    batch(() => {
      for (const [group, items] of members) group.setItems(items);
      setGroupList([...groups]);
    });
  });
  return groupList;
}
