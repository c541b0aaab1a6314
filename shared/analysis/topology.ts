/**
 * Topological order with ties broken by node id, so the same graph always yields the same order
 * (and the generator the same bytes) regardless of the order nodes and edges were listed in.
 * An optional rank is compared before the id, so a caller can prefer, say, data stages before
 * model stages among nodes that are ready at the same time.
 */
import { compareIds, type GraphIndex } from './graph-index.ts';

export interface TopologicalOrder {
  /** Node ids, every node after all the nodes it reads from. Nodes on or behind a cycle are absent. */
  order: string[];
  /** Nodes that could not be ordered: on a cycle, or downstream of one (sorted by id). */
  blocked: string[];
}

export function topologicalOrder(
  index: GraphIndex,
  rank: (nodeId: string) => number = () => 0,
): TopologicalOrder {
  const compare = (a: string, b: string) => rank(a) - rank(b) || compareIds(a, b);
  const ids = Array.from(new Set(index.graph.nodes.map((node) => node.id))).sort(compare);
  const pending = new Map<string, number>();
  for (const id of ids) pending.set(id, index.incomingAll(id).length);

  // A sorted array as the ready set: graphs are small (hundreds of nodes), and insertion keeps it simple.
  const ready = ids.filter((id) => pending.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const edge of index.outgoing(id)) {
      const left = pending.get(edge.target)! - 1;
      pending.set(edge.target, left);
      if (left === 0) insertSorted(ready, edge.target, compare);
    }
  }
  const placed = new Set(order);
  return { order, blocked: ids.filter((id) => !placed.has(id)).sort(compareIds) };
}

function insertSorted(list: string[], id: string, compare: (a: string, b: string) => number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(list[middle]!, id) < 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, id);
}

/**
 * Nodes that lie on a cycle (strongly connected components with more than one node, or a self
 * loop), sorted by id. Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
 */
export function nodesOnCycles(index: GraphIndex): string[] {
  const ids = Array.from(new Set(index.graph.nodes.map((node) => node.id))).sort(compareIds);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[] = [];
  let counter = 0;

  for (const root of ids) {
    if (order.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = index.outgoing(frame.id);
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!.target;
        if (!order.has(target)) {
          order.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, order.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = index.outgoing(frame.id).some((edge) => edge.target === frame.id);
      if (component.length > 1 || selfLoop) result.push(...component);
    }
  }
  return result.sort(compareIds);
}
