/**
 * Reads the `meta` map of a pipeline document for the `pipelines` table. Clients may have written
 * anything there, so values are checked, clamped to the API's limits, and stripped of NUL (which a
 * PostgreSQL `text` column cannot hold: one such character would make every later mirror fail).
 */
import type * as Y from 'yjs';
import { LIMITS } from '../../shared/api/schemas.ts';
import { normalizeTags } from '../../shared/doc/index.ts';

export interface DocumentMeta {
  name: string | null;
  description: string;
  tags: string[];
}

const clean = (value: string, max: number) => value.replaceAll('\0', '').slice(0, max);

export function readDocumentMeta(doc: Y.Doc): DocumentMeta {
  const meta = doc.getMap('meta');
  const name = meta.get('name');
  const description = meta.get('description');
  const tags = meta.get('tags');
  const cleanName = typeof name === 'string' ? clean(name, LIMITS.pipelineNameMax).trim() : '';
  return {
    name: cleanName === '' ? null : cleanName,
    description: typeof description === 'string' ? clean(description, LIMITS.descriptionMax) : '',
    tags: Array.isArray(tags)
      ? normalizeTags(
          tags.filter((t): t is string => typeof t === 'string').map((t) => clean(t, LIMITS.tagMax)),
        ).slice(0, LIMITS.tagsMax)
      : [],
  };
}
