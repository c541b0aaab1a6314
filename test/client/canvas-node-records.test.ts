/**
 * The canvas's per-node records over the document: a collaborator's edit updates only the signals
 * of the node it touched, and a move re-reads only the position (moves are most of what arrives),
 * yet a move that comes with other changes in one transaction misses none of them.
 */
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNodeRecords, type NodeRecords } from '../../client/src/canvas/store/node-records.ts';
import { getNodesMap } from '../../shared/doc/layout.ts';
import { addNode, moveNode, renameNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin, REMOTE_ORIGIN } from '../../shared/doc/origins.ts';
import { setParam } from '../../shared/doc/params.ts';
import { newPipelineDoc, syncOnce, TEST_REGISTRY } from '../shared/helpers/doc-fixtures.ts';

const bob = createUserOrigin('bob');
const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

/** Our replica with its records, and a collaborator's replica whose edits reach ours as updates. */
function setup() {
  const ours = newPipelineDoc();
  const theirs = new Y.Doc();
  syncOnce(ours, theirs);
  const csv = addNode(theirs, bob, { type: 'test.csv', x: 10, y: 20 }, { registry: TEST_REGISTRY });
  const clean = addNode(theirs, bob, { type: 'test.clean', x: 300, y: 20 }, { registry: TEST_REGISTRY });
  syncOnce(theirs, ours);
  theirs.on('update', (update: Uint8Array) => Y.applyUpdate(ours, update, REMOTE_ORIGIN));
  const records = createRoot((dispose) => {
    const created = createNodeRecords(ours);
    disposers.push(() => {
      created.dispose();
      dispose();
    });
    return created;
  });
  const moved: string[] = [];
  records.onPositionWritten((id) => moved.push(id));
  return { ours, theirs, records, csv, clean, moved };
}

const position = (records: NodeRecords, id: string) => records.get(id)?.position();

describe('node records', () => {
  it('a collaborator moving a node updates that node only, and tells position listeners', () => {
    const { theirs, records, csv, clean, moved } = setup();
    const params = records.get(csv)!.params();
    const revision = records.revision();
    moveNode(theirs, bob, csv, 50, 60);
    expect(position(records, csv)).toEqual({ x: 50, y: 60 });
    expect(position(records, clean)).toEqual({ x: 300, y: 20 });
    expect(moved).toEqual([csv]);
    expect(records.revision()).toBe(revision + 1);
    expect(records.get(csv)!.params()).toBe(params);
  });

  it('a move in one transaction with a parameter edit and a rename misses neither', () => {
    const { theirs, records, csv, moved } = setup();
    theirs.transact(() => {
      moveNode(theirs, bob, csv, 70, 80);
      setParam(theirs, bob, csv, 'separator', ';');
      renameNode(theirs, bob, csv, 'Raw data');
    }, bob);
    const record = records.get(csv)!;
    expect(record.position()).toEqual({ x: 70, y: 80 });
    expect(record.params()).toMatchObject({ separator: ';' });
    expect(record.label()).toBe('Raw data');
    expect(moved).toEqual([csv]);
  });

  it('a rename alone moves nothing', () => {
    const { theirs, records, csv, moved } = setup();
    renameNode(theirs, bob, csv, 'Renamed');
    expect(records.get(csv)!.label()).toBe('Renamed');
    expect(position(records, csv)).toEqual({ x: 10, y: 20 });
    expect(moved).toEqual([]);
  });

  it('a broken coordinate reads as 0, as everywhere else the document is read', () => {
    const { theirs, records, csv, moved } = setup();
    (getNodesMap(theirs).get(csv) as Y.Map<unknown>).set('x', 'far away');
    expect(position(records, csv)).toEqual({ x: 0, y: 20 });
    expect(moved).toEqual([csv]);
  });

  it('a move that comes with the loss of the node type drops the node instead of moving it', () => {
    const { theirs, records, csv, clean } = setup();
    theirs.transact(() => {
      const node = getNodesMap(theirs).get(csv) as Y.Map<unknown>;
      node.set('x', 99);
      node.delete('type');
    }, bob);
    expect(records.get(csv)).toBeUndefined();
    expect(records.ids()).toEqual([clean]);
  });

  it('a node moved and deleted in one transaction is gone', () => {
    const { theirs, records, csv, clean } = setup();
    theirs.transact(() => {
      moveNode(theirs, bob, csv, 1, 2);
      getNodesMap(theirs).delete(csv);
    }, bob);
    expect(records.get(csv)).toBeUndefined();
    expect(records.ids()).toEqual([clean]);
  });
});
