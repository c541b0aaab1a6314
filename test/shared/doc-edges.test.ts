import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkConnection } from '../../shared/doc/connection-check.ts';
import { connect, disconnect, writeEdge } from '../../shared/doc/edges.ts';
import { getNodesMap } from '../../shared/doc/layout.ts';
import { addNode } from '../../shared/doc/nodes.ts';
import { createUserOrigin } from '../../shared/doc/origins.ts';
import { toGraph } from '../../shared/doc/reader.ts';
import {
  countUpdates,
  newPipelineDoc,
  sequentialIds,
  TEST_REGISTRY,
  TEST_RULES,
} from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

/** csv → clean → split → fit ← forest, scaler (unconnected), metrics (unconnected). */
function pipeline() {
  const doc = newPipelineDoc();
  const newId = sequentialIds();
  const add = (type: string) => addNode(doc, me, { type, x: 0, y: 0 }, { registry: TEST_REGISTRY, newId });
  const ids = {
    csv: add('test.csv'),
    clean: add('test.clean'),
    split: add('test.split'),
    forest: add('test.forest'),
    scaler: add('test.scaler'),
    scaler2: add('test.scaler'),
    fit: add('test.fit'),
    metrics: add('test.metrics'),
  };
  return { doc, ids };
}

describe('connect', () => {
  it('adds an edge and returns its id', () => {
    const { doc, ids } = pipeline();
    const result = connect(
      doc,
      me,
      { source: ids.csv, sourcePort: 'table', target: ids.clean, targetPort: 'table' },
      TEST_RULES,
    );
    expect(result).toEqual({ ok: true, edgeId: expect.stringMatching(/^e_[0-9a-z]{20}$/) });
    expect(toGraph(doc).edges).toEqual([
      {
        id: result.ok && result.edgeId,
        source: ids.csv,
        sourcePort: 'table',
        target: ids.clean,
        targetPort: 'table',
      },
    ]);
  });

  it.each([
    ['unknown-node', 'n_missing', 'table', 'clean', 'table'],
    ['unknown-node', 'csv', 'table', 'n_missing', 'table'],
    ['self', 'clean', 'table', 'clean', 'table'],
    ['unknown-port', 'csv', 'nope', 'clean', 'table'],
    ['unknown-port', 'csv', 'table', 'clean', 'nope'],
    // An input used as a source: ports are looked up on the right side only.
    ['unknown-port', 'clean', 'table', 'csv', 'table'],
    ['incompatible', 'csv', 'table', 'fit', 'split'],
  ])('refuses with %s (%s.%s → %s.%s)', (reason, source, sourcePort, target, targetPort) => {
    const { doc, ids } = pipeline();
    const resolve = (name: string) => ids[name as keyof typeof ids] ?? name;
    const edge = { source: resolve(source), sourcePort, target: resolve(target), targetPort };
    let result: ReturnType<typeof connect> | undefined;
    expect(countUpdates(doc, () => (result = connect(doc, me, edge, TEST_RULES)))).toBe(0);
    expect(result).toEqual({ ok: false, reason, message: expect.any(String) });
  });

  it('refuses a component missing from the catalog as an unknown port', () => {
    const { doc, ids } = pipeline();
    const ghost = addNode(doc, me, { type: 'future.Thing', x: 0, y: 0 });
    const result = connect(
      doc,
      me,
      { source: ghost, sourcePort: 'out', target: ids.clean, targetPort: 'table' },
      TEST_RULES,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'unknown-port',
      message: expect.stringContaining('future.Thing'),
    });
  });

  it('refuses a duplicate edge, even on a port that accepts several', () => {
    const { doc, ids } = pipeline();
    const edge = { source: ids.scaler, sourcePort: 'transformer', target: ids.fit, targetPort: 'steps' };
    expect(connect(doc, me, edge, TEST_RULES).ok).toBe(true);
    expect(connect(doc, me, edge, TEST_RULES)).toMatchObject({ ok: false, reason: 'duplicate' });
  });

  it('refuses a second edge into a single input, accepts several into a multiple one', () => {
    const { doc, ids } = pipeline();
    expect(
      connect(
        doc,
        me,
        { source: ids.csv, sourcePort: 'table', target: ids.split, targetPort: 'table' },
        TEST_RULES,
      ).ok,
    ).toBe(true);
    expect(
      connect(
        doc,
        me,
        { source: ids.clean, sourcePort: 'table', target: ids.split, targetPort: 'table' },
        TEST_RULES,
      ),
    ).toMatchObject({ ok: false, reason: 'occupied' });
    for (const scaler of [ids.scaler, ids.scaler2]) {
      const edge = { source: scaler, sourcePort: 'transformer', target: ids.fit, targetPort: 'steps' };
      expect(connect(doc, me, edge, TEST_RULES).ok).toBe(true);
    }
  });

  it('refuses an edge that closes a cycle', () => {
    const { doc, ids } = pipeline();
    const clean2 = addNode(doc, me, { type: 'test.clean', x: 0, y: 0 });
    const clean3 = addNode(doc, me, { type: 'test.clean', x: 0, y: 0 });
    expect(
      connect(
        doc,
        me,
        { source: ids.clean, sourcePort: 'table', target: clean2, targetPort: 'table' },
        TEST_RULES,
      ).ok,
    ).toBe(true);
    expect(
      connect(
        doc,
        me,
        { source: clean2, sourcePort: 'table', target: clean3, targetPort: 'table' },
        TEST_RULES,
      ).ok,
    ).toBe(true);
    expect(
      connect(
        doc,
        me,
        { source: clean3, sourcePort: 'table', target: ids.clean, targetPort: 'table' },
        TEST_RULES,
      ),
    ).toMatchObject({ ok: false, reason: 'cycle' });
  });

  it('does not count an edge to a deleted node as occupying a port', () => {
    const { doc, ids } = pipeline();
    // What a concurrent delete leaves behind: an edge whose source is gone.
    doc.transact(() => {
      writeEdge(doc, 'e_dangling', {
        source: 'n_gone',
        sourcePort: 'table',
        target: ids.split,
        targetPort: 'table',
      });
    }, me);
    expect(
      connect(
        doc,
        me,
        { source: ids.csv, sourcePort: 'table', target: ids.split, targetPort: 'table' },
        TEST_RULES,
      ).ok,
    ).toBe(true);
  });

  it('checkConnection answers without writing, for drop-target highlighting', () => {
    const { doc, ids } = pipeline();
    const before = Y.encodeStateVector(doc);
    expect(
      checkConnection(
        doc,
        { source: ids.forest, sourcePort: 'estimator', target: ids.fit, targetPort: 'estimator' },
        TEST_RULES,
      ),
    ).toEqual({ ok: true });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('sees writes made earlier in the same transaction (composite gestures)', () => {
    const { doc, ids } = pipeline();
    doc.transact(() => {
      const clean2 = addNode(doc, me, { type: 'test.clean', x: 0, y: 0 });
      expect(
        connect(
          doc,
          me,
          { source: ids.csv, sourcePort: 'table', target: clean2, targetPort: 'table' },
          TEST_RULES,
        ).ok,
      ).toBe(true);
      expect(
        connect(
          doc,
          me,
          { source: ids.clean, sourcePort: 'table', target: clean2, targetPort: 'table' },
          TEST_RULES,
        ),
      ).toMatchObject({
        reason: 'occupied',
      });
    }, me);
  });
});

describe('disconnect', () => {
  it('deletes existing edges in one update and counts them', () => {
    const { doc, ids } = pipeline();
    const a = connect(
      doc,
      me,
      { source: ids.csv, sourcePort: 'table', target: ids.clean, targetPort: 'table' },
      TEST_RULES,
    );
    const b = connect(
      doc,
      me,
      { source: ids.clean, sourcePort: 'table', target: ids.split, targetPort: 'table' },
      TEST_RULES,
    );
    if (!a.ok || !b.ok) throw new Error('setup failed');
    let removed = 0;
    expect(
      countUpdates(doc, () => (removed = disconnect(doc, me, [a.edgeId, b.edgeId, 'e_unknown', a.edgeId]))),
    ).toBe(1);
    expect(removed).toBe(2);
    expect(toGraph(doc).edges).toEqual([]);
    expect(countUpdates(doc, () => disconnect(doc, me, [a.edgeId]))).toBe(0);
  });

  it('leaves nodes alone', () => {
    const { doc, ids } = pipeline();
    const a = connect(
      doc,
      me,
      { source: ids.csv, sourcePort: 'table', target: ids.clean, targetPort: 'table' },
      TEST_RULES,
    );
    if (!a.ok) throw new Error('setup failed');
    disconnect(doc, me, [a.edgeId]);
    expect(getNodesMap(doc).size).toBe(8);
  });
});
