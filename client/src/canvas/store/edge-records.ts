/**
 * Reactive list of the document's edges. Edges are written whole and never edited in place, so a
 * record is plain, immutable data and the list holds record objects: `<For>` keys by reference,
 * so the rare in-place rewrite (a malformed or odd client) yields a new object and redraws just
 * that edge. Edges with malformed fields are left out (the reader reports them); edges to missing
 * nodes are kept and not drawn until both ends exist (a concurrent edit may deliver the node later).
 */
import { type Accessor, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import { type EdgeEnds, getEdgesMap, readEdgeEnds, sortedKeys } from '../../../../shared/doc/layout.ts';

export interface EdgeRecord extends EdgeEnds {
  readonly id: string;
}

export interface EdgeRecords {
  list: Accessor<readonly EdgeRecord[]>;
  get(id: string): EdgeRecord | undefined;
  dispose(): void;
}

export function createEdgeRecords(doc: Y.Doc): EdgeRecords {
  const edgesMap = getEdgesMap(doc);
  const records = new Map<string, EdgeRecord>();

  const read = (id: string): EdgeRecord | undefined => {
    const ends = readEdgeEnds(edgesMap.get(id));
    return ends ? { id, ...ends } : undefined;
  };

  for (const id of sortedKeys(edgesMap)) {
    const r = read(id);
    if (r) records.set(id, r);
  }
  const [list, setList] = createSignal<readonly EdgeRecord[]>([...records.values()]);

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === edgesMap)
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
      else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
    }
    if (touched.size === 0) return;
    const fresh: EdgeRecord[] = [];
    for (const id of touched) {
      const next = read(id);
      if (next) {
        records.set(id, next);
        fresh.push(next);
      } else {
        records.delete(id);
      }
    }
    setList(
      list()
        .filter((r) => !touched.has(r.id))
        .concat(fresh),
    );
  };
  edgesMap.observeDeep(observer);

  return {
    list,
    get: (id) => records.get(id),
    dispose: () => edgesMap.unobserveDeep(observer),
  };
}
