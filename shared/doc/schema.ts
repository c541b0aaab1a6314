/** The document format version stored in `meta.schema`. */
import type * as Y from 'yjs';
import { getEdgesMap, getMetaMap, getNodesMap } from './layout.ts';

/**
 * The format this code writes. History:
 * - 0: before versioning: no `meta.schema`, node `params` stored as plain objects.
 * - 1: `params` is a Y.Map (concurrent edits of different parameters merge); meta fields present.
 *   The top-level `suggestions` map (suggestions.ts) came later without a bump: it is additive,
 *   older code ignores it and never writes it, and nothing existing changed meaning, so a bump
 *   (which makes older clients open documents read-only) would buy nothing. Readers tolerate its
 *   absence and hide entries whose dataset node an older client deleted.
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
