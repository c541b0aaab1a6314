import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getEdgesMap, getNodeMap, getNodesMap } from '../../shared/doc/layout.ts';
import { initDocument, MIGRATIONS, migrateDocument } from '../../shared/doc/migrations.ts';
import { createUserOrigin, MIGRATION_ORIGIN } from '../../shared/doc/origins.ts';
import { setParam } from '../../shared/doc/params.ts';
import { readDocument } from '../../shared/doc/reader.ts';
import { CURRENT_SCHEMA, readSchema } from '../../shared/doc/schema.ts';
import { createUndoManager } from '../../shared/doc/undo.ts';
import { countUpdates, syncOnce, TEST_REGISTRY } from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

/** A document as the first prototype wrote it: no schema, params as plain objects, gaps. */
function formatZeroDocument(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('name', 'Old pipeline');
    const node = (entries: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(entries)) map.set(key, value);
      return map;
    };
    getNodesMap(doc).set(
      'csv',
      node({ type: 'test.csv', label: 'Iris', x: 0, y: 0, params: { path: 'iris.csv' } }),
    );
    getNodesMap(doc).set(
      'forest',
      node({ type: 'test.forest', x: 10, params: { n_estimators: 50, bad: null } }),
    );
    getNodesMap(doc).set('bare', node({ type: 'test.clean' }));
    const edge = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({
      source: 'csv',
      sourcePort: 'table',
      target: 'bare',
      targetPort: 'table',
    })) {
      edge.set(key, value);
    }
    getEdgesMap(doc).set('e1', edge);
  });
  return doc;
}

describe('MIGRATIONS', () => {
  it('form a contiguous chain from 0 to CURRENT_SCHEMA', () => {
    expect(MIGRATIONS.map((migration) => migration.from)).toEqual(
      Array.from({ length: CURRENT_SCHEMA }, (_, index) => index),
    );
  });
});

describe('migrateDocument', () => {
  it('brings a format-0 document to the current schema in one transaction', () => {
    const doc = formatZeroDocument();
    expect(readDocument(doc).issues.map((issue) => issue.kind)).toContain('outdated-schema');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    let result: ReturnType<typeof migrateDocument> | undefined;
    expect(countUpdates(doc, () => (result = migrateDocument(doc, { registry: TEST_REGISTRY })))).toBe(1);
    expect(result).toEqual({
      status: 'migrated',
      from: 0,
      to: CURRENT_SCHEMA,
      applied: [MIGRATIONS[0].description],
    });
    expect(origins).toEqual([MIGRATION_ORIGIN]);
    expect(getNodeMap(doc, 'csv')!.get('params')).toBeInstanceOf(Y.Map);
    const reading = readDocument(doc, { registry: TEST_REGISTRY });
    expect(reading.issues).toEqual([]);
    expect(reading.meta).toEqual({ name: 'Old pipeline', description: '', tags: [], schema: CURRENT_SCHEMA });
    expect(reading.graph.nodes).toEqual([
      { id: 'bare', type: 'test.clean', label: 'Clean table', x: 0, y: 0, params: {} },
      { id: 'csv', type: 'test.csv', label: 'Iris', x: 0, y: 0, params: { path: 'iris.csv' } },
      {
        id: 'forest',
        type: 'test.forest',
        label: 'Random forest',
        x: 10,
        y: 0,
        params: { n_estimators: 50, bad: null },
      },
    ]);
    expect(reading.graph.edges).toHaveLength(1);
  });

  it('after migrating, concurrent edits of different params merge', () => {
    const a = formatZeroDocument();
    migrateDocument(a);
    const b = new Y.Doc();
    syncOnce(a, b);
    setParam(a, me, 'forest', 'n_estimators', 10);
    setParam(b, me, 'forest', 'max_depth', 3);
    syncOnce(a, b);
    syncOnce(b, a);
    expect(readDocument(a).graph.nodes[2].params).toEqual({ n_estimators: 10, bad: null, max_depth: 3 });
  });

  it('is idempotent', () => {
    const doc = formatZeroDocument();
    migrateDocument(doc);
    let result: ReturnType<typeof migrateDocument> | undefined;
    expect(countUpdates(doc, () => (result = migrateDocument(doc)))).toBe(0);
    expect(result).toEqual({ status: 'current', schema: CURRENT_SCHEMA });
  });

  it('only stamps an empty document', () => {
    const doc = new Y.Doc();
    expect(migrateDocument(doc)).toEqual({ status: 'migrated', from: 0, to: CURRENT_SCHEMA, applied: [] });
    expect(readSchema(doc)).toBe(CURRENT_SCHEMA);
  });

  it('leaves a document from a newer version untouched', () => {
    const doc = formatZeroDocument();
    doc.transact(() => doc.getMap('meta').set('schema', CURRENT_SCHEMA + 1));
    expect(
      countUpdates(doc, () =>
        expect(migrateDocument(doc)).toEqual({ status: 'unsupported', schema: CURRENT_SCHEMA + 1 }),
      ),
    ).toBe(0);
  });

  it('is not undoable by a person', () => {
    const doc = formatZeroDocument();
    const undo = createUndoManager(doc, me);
    migrateDocument(doc);
    expect(undo.canUndo()).toBe(false);
  });

  it('converges when two replicas migrate the same old document concurrently', () => {
    const a = formatZeroDocument();
    const b = new Y.Doc();
    syncOnce(a, b);
    migrateDocument(a, { registry: TEST_REGISTRY });
    migrateDocument(b, { registry: TEST_REGISTRY });
    syncOnce(a, b);
    syncOnce(b, a);
    expect(readDocument(a)).toEqual(readDocument(b));
    expect(readDocument(a).issues).toEqual([]);
  });

  it('initDocument migrates an old document instead of stamping it', () => {
    const doc = formatZeroDocument();
    expect(initDocument(doc, { name: 'Ignored: already named' })).toBe(true);
    expect(readDocument(doc).issues).toEqual([]);
    expect(readDocument(doc).meta.name).toBe('Old pipeline');
  });
});
