/**
 * Splits the node ids into small groups of cards, each drawn in its own positioned box
 * (`.canvas__card-group`, canvas.css). When a card moves, Chrome lays out the positioned cards of
 * its group again, not all thousand: with one container it walked every card on every frame of a
 * remote burst (LocalFrameView::performLayout, a fifth of the main-thread time at 1,000 nodes).
 *
 * A node keeps the group it was first put in until it is removed, so adding or removing nodes never
 * moves a card to another group (which would remount it and lose its focus). New nodes go to the
 * last group while it has room. Groups follow the id list's order, and so do the cards within a
 * group, so the document order of the cards (what assistive tech reads) stays the id order but for
 * nodes added after others were removed.
 */
import { type Accessor, batch, createComputed, createSignal, type Setter } from 'solid-js';
import { sameItems } from '../same-items.ts';

export interface CardGroup {
  /** Stable for the group's life: the key its cards are rendered under. */
  readonly key: number;
  readonly ids: Accessor<readonly string[]>;
}

/**
 * Small enough that laying out one group is cheap, large enough that a thousand cards make only
 * twenty more boxes (each one more layer for Chrome's hover hit test to walk). In a bare-DOM probe
 * of 1,000 cards, groups of 25–200 all cut layout per remote move by two thirds or more.
 */
export const CARDS_PER_GROUP = 50;

interface WritableGroup extends CardGroup {
  setIds: Setter<readonly string[]>;
  size: number;
}

/** Must run inside a reactive owner (a component or a root). */
export function createCardGroups(
  ids: Accessor<readonly string[]>,
  capacity: number,
): Accessor<readonly CardGroup[]> {
  const groupOf = new Map<string, WritableGroup>();
  let groups: WritableGroup[] = [];
  let nextKey = 0;

  const newGroup = (): WritableGroup => {
    const [groupIds, setIds] = createSignal<readonly string[]>([], { equals: sameItems });
    const group: WritableGroup = { key: nextKey++, ids: groupIds, setIds, size: 0 };
    groups.push(group);
    return group;
  };

  const [list, setList] = createSignal<readonly CardGroup[]>([], { equals: sameItems });
  createComputed(() => {
    const current = ids();
    const present = new Set(current);
    for (const [id, group] of groupOf) {
      if (!present.has(id)) {
        groupOf.delete(id);
        group.size--;
      }
    }
    groups = groups.filter((g) => g.size > 0);
    for (const id of current) {
      if (groupOf.has(id)) continue;
      const last = groups.at(-1);
      const group = last && last.size < capacity ? last : newGroup();
      groupOf.set(id, group);
      group.size++;
    }
    const members = new Map<WritableGroup, string[]>(groups.map((g) => [g, []]));
    for (const id of current) members.get(groupOf.get(id)!)!.push(id);
    batch(() => {
      for (const [group, groupIds] of members) group.setIds(groupIds);
      setList([...groups]);
    });
  });
  return list;
}
