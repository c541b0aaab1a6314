/**
 * Per-node reactive records over the document's `nodes` map: the fine-grained bridge between Yjs
 * and Solid. One deep observer routes each Yjs event to the node it concerns and updates only that
 * node's signals, so a remote edit of one parameter re-renders one summary line, not the graph.
 * The list of ids changes only when nodes are added or removed.
 *
 * Reads go through `readNode` (shared/doc), which tolerates malformed nodes; a change of x or y
 * alone re-reads only the position (`readNodePosition`): moves are most of what collaborators
 * send, and re-reading and comparing the parameters was a tenth of the script per remote move.
 * Nothing here writes.
 */
import { type Accessor, batch, createSignal } from 'solid-js';
import type * as Y from 'yjs';
import type { JsonValue } from '../../../../shared/catalog/types.ts';
import { getNodesMap, sortedKeys } from '../../../../shared/doc/layout.ts';
import { readNode, readNodePosition } from '../../../../shared/doc/reader.ts';
import type { Point } from '../controllers/geometry.ts';
import { createKeyedSignals } from './keyed-signals.ts';

export interface NodeRecord {
  readonly id: string;
  type: Accessor<string>;
  label: Accessor<string>;
  /** The position stored in the document. */
  position: Accessor<Point>;
  params: Accessor<Readonly<Record<string, JsonValue>>>;
  /** Where this client's own drag shows the node (null when not dragging it). */
  localPreview: Accessor<Point | null>;
  setLocalPreview(p: Point | null): void;
  /** Where another person's drag shows the node, from awareness. */
  remotePreview: Accessor<Point | null>;
  setRemotePreview(p: Point | null): void;
}

/** Where the node is drawn: an own drag wins over a remote one, which wins over the document. */
export function displayPosition(r: NodeRecord): Point {
  return r.localPreview() ?? r.remotePreview() ?? r.position();
}

export interface NodeRecords {
  ids: Accessor<readonly string[]>;
  /** Non-reactive lookup. */
  get(id: string): NodeRecord | undefined;
  /** Reactive lookup: re-runs when a node of that id appears or disappears. */
  watch(id: string): NodeRecord | undefined;
  /** Non-reactive iteration over current records, in id-list order. */
  all(): NodeRecord[];
  /** Bumps whenever any node is added, removed or moved: for coarse views such as the minimap. */
  revision: Accessor<number>;
  /** Called after a remote or local write moved a node in the document. */
  onPositionWritten(listener: (id: string) => void): () => void;
  dispose(): void;
}

const samePoint = (a: Point | null, b: Point | null) =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);

const sameParams = (a: Readonly<Record<string, JsonValue>>, b: Readonly<Record<string, JsonValue>>) =>
  JSON.stringify(a) === JSON.stringify(b);

interface Writable {
  record: NodeRecord;
  setType(v: string): void;
  setLabel(v: string): void;
  setPosition(v: Point): void;
  setParams(v: Readonly<Record<string, JsonValue>>): void;
}

function makeRecord(id: string, initial: NonNullable<ReturnType<typeof readNode>>): Writable {
  const [type, setType] = createSignal(initial.type);
  const [label, setLabel] = createSignal(initial.label);
  const [position, setPosition] = createSignal<Point>(
    { x: initial.x ?? 0, y: initial.y ?? 0 },
    { equals: samePoint },
  );
  const [params, setParams] = createSignal<Readonly<Record<string, JsonValue>>>(initial.params, {
    equals: sameParams,
  });
  const [localPreview, setLocalPreview] = createSignal<Point | null>(null, { equals: samePoint });
  const [remotePreview, setRemotePreview] = createSignal<Point | null>(null, { equals: samePoint });
  return {
    record: {
      id,
      type,
      label,
      position,
      params,
      localPreview,
      setLocalPreview: (p) => setLocalPreview(p),
      remotePreview,
      setRemotePreview: (p) => setRemotePreview(p),
    },
    setType: (v) => setType(v),
    setLabel: (v) => setLabel(v),
    setPosition: (v) => setPosition(v),
    setParams: (v) => setParams(() => v),
  };
}

export function createNodeRecords(doc: Y.Doc): NodeRecords {
  const nodesMap = getNodesMap(doc);
  const records = new Map<string, Writable>();
  const presence = createKeyedSignals<NodeRecord | undefined>(undefined);
  const [ids, setIds] = createSignal<readonly string[]>([]);
  const [revision, setRevision] = createSignal(0);
  const positionListeners = new Set<(id: string) => void>();

  /** Sets a record's position; whether it moved. */
  function place(existing: Writable, position: Point): 'moved' | 'same' {
    const before = existing.record.position();
    existing.setPosition(position);
    return samePoint(before, position) ? 'same' : 'moved';
  }

  /**
   * Re-reads one node (only its position when `changed` says nothing else did, and it is still a
   * node we show); returns what happened to it. Adds, updates or removes it.
   */
  function refresh(id: string, changed: 'position' | 'all' = 'all'): 'added' | 'removed' | 'moved' | 'same' {
    const existing = records.get(id);
    if (existing && changed === 'position') {
      const position = readNodePosition(doc, id);
      if (position) return place(existing, position);
    }
    const node = readNode(doc, id);
    if (!node) {
      if (!existing) return 'same';
      records.delete(id);
      presence.set(id, undefined);
      presence.forget(id);
      return 'removed';
    }
    if (!existing) {
      const created = makeRecord(id, node);
      records.set(id, created);
      presence.set(id, created.record);
      return 'added';
    }
    existing.setType(node.type);
    existing.setLabel(node.label);
    existing.setParams(node.params);
    return place(existing, { x: node.x ?? 0, y: node.y ?? 0 });
  }

  /** Whether an event on one node's own map changed nothing but its x or y. */
  function onlyPositionChanged(event: Y.YEvent<Y.AbstractType<unknown>>): boolean {
    if (event.path.length !== 1) return false;
    for (const key of (event as Y.YMapEvent<unknown>).keysChanged)
      if (key !== 'x' && key !== 'y') return false;
    return true;
  }

  const initial: string[] = [];
  for (const id of sortedKeys(nodesMap)) if (refresh(id) === 'added') initial.push(id);
  setIds(initial);

  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Per node: whether only its x or y changed ('position') or anything else ('all').
    const touched = new Map<string, 'position' | 'all'>();
    for (const event of events) {
      if (event.target === nodesMap) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.set(key, 'all');
        continue;
      }
      const nodeId = event.path[0];
      if (typeof nodeId !== 'string') continue;
      if (!onlyPositionChanged(event)) touched.set(nodeId, 'all');
      else if (!touched.has(nodeId)) touched.set(nodeId, 'position');
    }
    const moved: string[] = [];
    batch(() => {
      const added: string[] = [];
      const removed = new Set<string>();
      for (const [id, what] of touched) {
        const change = refresh(id, what);
        if (change === 'added') added.push(id);
        else if (change === 'removed') removed.add(id);
        else if (change === 'moved') moved.push(id);
      }
      if (added.length > 0 || removed.size > 0) {
        const kept = removed.size > 0 ? ids().filter((id) => !removed.has(id)) : [...ids()];
        setIds(kept.concat(added));
      }
      if (added.length > 0 || removed.size > 0 || moved.length > 0) setRevision((r) => r + 1);
    });
    for (const id of moved) for (const listener of positionListeners) listener(id);
  };
  nodesMap.observeDeep(observer);

  return {
    ids,
    get: (id) => records.get(id)?.record,
    watch: (id) => presence.get(id),
    all: () => {
      const out: NodeRecord[] = [];
      for (const id of ids()) {
        const r = records.get(id);
        if (r) out.push(r.record);
      }
      return out;
    },
    revision,
    onPositionWritten(listener) {
      positionListeners.add(listener);
      return () => positionListeners.delete(listener);
    },
    dispose() {
      nodesMap.unobserveDeep(observer);
      positionListeners.clear();
    },
  };
}
