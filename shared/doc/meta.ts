/** Pipeline name, description and tags (`meta` map). The schema number is migrations.ts's. */
import type * as Y from 'yjs';
import { getMetaMap } from './layout.ts';
import type { DocOrigin } from './origins.ts';

export interface MetaPatch {
  name?: string;
  description?: string;
  tags?: readonly string[];
}

/**
 * Trimmed, non-empty, without duplicates (compared case-insensitively, first spelling kept), in
 * the given order.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/**
 * Writes the given fields in one transaction and returns the names of those that changed.
 * Tags are stored as one plain array, so concurrent tag edits resolve last-writer-wins as a whole;
 * tags change rarely and a merged list would need a Y.Array the API mirror does not want.
 */
export function setMeta(doc: Y.Doc, origin: DocOrigin, patch: MetaPatch): (keyof MetaPatch)[] {
  const meta = getMetaMap(doc);
  const changed: (keyof MetaPatch)[] = [];
  if (patch.name !== undefined && meta.get('name') !== patch.name) changed.push('name');
  if (patch.description !== undefined && meta.get('description') !== patch.description)
    changed.push('description');
  const tags = patch.tags === undefined ? undefined : normalizeTags(patch.tags);
  if (tags !== undefined && !sameTags(meta.get('tags'), tags)) changed.push('tags');
  if (changed.length === 0) return changed;
  doc.transact(() => {
    if (changed.includes('name')) meta.set('name', patch.name);
    if (changed.includes('description')) meta.set('description', patch.description);
    if (tags !== undefined && changed.includes('tags')) meta.set('tags', tags);
  }, origin);
  return changed;
}

function sameTags(stored: unknown, tags: readonly string[]): boolean {
  return (
    Array.isArray(stored) &&
    stored.length === tags.length &&
    stored.every((tag, index) => tag === tags[index])
  );
}
