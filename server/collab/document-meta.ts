/** Reads the `meta` map of a pipeline document defensively: clients may have written anything. */
import type * as Y from 'yjs';

export interface DocumentMeta {
  name: string | null;
  description: string;
  tags: string[];
}

export function readDocumentMeta(doc: Y.Doc): DocumentMeta {
  const meta = doc.getMap('meta');
  const name = meta.get('name');
  const description = meta.get('description');
  const tags = meta.get('tags');
  return {
    name: typeof name === 'string' && name.trim() !== '' ? name : null,
    description: typeof description === 'string' ? description : '',
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
  };
}
