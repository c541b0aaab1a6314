import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMetaMap } from '../../shared/doc/layout.ts';
import { normalizeTags, setMeta } from '../../shared/doc/meta.ts';
import { initDocument } from '../../shared/doc/migrations.ts';
import { createUserOrigin, MIGRATION_ORIGIN } from '../../shared/doc/origins.ts';
import { readDocument, readMeta } from '../../shared/doc/reader.ts';
import { CURRENT_SCHEMA } from '../../shared/doc/schema.ts';
import { countUpdates, syncOnce } from './helpers/doc-fixtures.ts';

const me = createUserOrigin('alice');

describe('initDocument', () => {
  it('stamps the schema and sets the meta fields, with the migration origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    expect(initDocument(doc, { name: 'Iris', tags: [' demo ', 'Demo', 'iris'] })).toBe(true);
    expect(readMeta(doc)).toEqual({
      name: 'Iris',
      description: '',
      tags: ['demo', 'iris'],
      schema: CURRENT_SCHEMA,
    });
    expect(origins).toEqual([MIGRATION_ORIGIN]);
  });

  it('is idempotent and keeps what is already there', () => {
    const doc = new Y.Doc();
    initDocument(doc, { name: 'First' });
    setMeta(doc, me, { description: 'Mine' });
    let wrote = true;
    expect(
      countUpdates(doc, () => (wrote = initDocument(doc, { name: 'Second', description: 'Other' }))),
    ).toBe(0);
    expect(wrote).toBe(false);
    expect(readMeta(doc)).toMatchObject({ name: 'First', description: 'Mine' });
  });

  it('converges when two replicas initialise the same new document concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    initDocument(a, { name: 'Same' });
    initDocument(b, { name: 'Same' });
    syncOnce(a, b);
    syncOnce(b, a);
    expect(readDocument(a)).toEqual(readDocument(b));
    expect(readDocument(a).issues).toEqual([]);
  });

  it('leaves a document from a newer version alone', () => {
    const doc = new Y.Doc();
    doc.transact(() => getMetaMap(doc).set('schema', CURRENT_SCHEMA + 1));
    expect(initDocument(doc, { name: 'x' })).toBe(false);
    expect(getMetaMap(doc).has('name')).toBe(false);
  });
});

describe('setMeta', () => {
  it('writes only the fields that changed and names them', () => {
    const doc = new Y.Doc();
    initDocument(doc, { name: 'Iris' });
    expect(setMeta(doc, me, { name: 'Iris', description: 'Classify flowers', tags: ['a'] })).toEqual([
      'description',
      'tags',
    ]);
    expect(
      countUpdates(doc, () => expect(setMeta(doc, me, { name: 'Iris', tags: [' a', 'A'] })).toEqual([])),
    ).toBe(0);
    expect(readMeta(doc)).toEqual({
      name: 'Iris',
      description: 'Classify flowers',
      tags: ['a'],
      schema: CURRENT_SCHEMA,
    });
  });

  it('writes in one transaction with the given origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    setMeta(doc, me, { name: 'A', description: 'B', tags: ['c'] });
    expect(origins).toEqual([me]);
  });
});

describe('normalizeTags', () => {
  it('trims, drops empties and case-insensitive duplicates, keeps order and first spelling', () => {
    expect(normalizeTags(['  ML ', '', 'ml', 'Iris', '   ', 'iris', 'demo'])).toEqual(['ML', 'Iris', 'demo']);
  });
});
