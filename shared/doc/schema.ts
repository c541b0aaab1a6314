/** The document format version stored in `meta.schema`. */
import type * as Y from 'yjs';
import { getEdgesMap, getMetaMap, getNodesMap } from './layout.ts';

/**
 * The format this code writes. History:
 * - 0: before versioning: no `meta.schema`, node `params` stored as plain objects.
 * - 1: `params` is a Y.Map (concurrent edits of different parameters merge); meta fields present.
 */
export const CURRENT_SCHEMA = 1;

/** The stored schema; a document without one (or with a malformed one) is version 0. */
export function readSchema(doc: Y.Doc): number {
  const schema = getMetaMap(doc).get('schema');
  return typeof schema === 'number' && Number.isInteger(schema) && schema >= 0 ? schema : 0;
}

/** A document nobody has written to yet (a fresh Y.Doc before initialisation or first sync). */
export function isEmptyDocument(doc: Y.Doc): boolean {
  return getMetaMap(doc).size === 0 && getNodesMap(doc).size === 0 && getEdgesMap(doc).size === 0;
}
