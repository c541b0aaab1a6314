/** The pipeline's `meta` (name, description, tags) as a signal that follows every change. */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { getMetaMap, type PipelineMeta, readMeta } from '../../../shared/doc/index.ts';

export function createDocMeta(doc: Y.Doc): Accessor<PipelineMeta> {
  const map = getMetaMap(doc);
  const [meta, setMeta] = createSignal(readMeta(doc), {
    equals: (a, b) =>
      a.name === b.name &&
      a.description === b.description &&
      a.schema === b.schema &&
      a.tags.join('\u0000') === b.tags.join('\u0000'),
  });
  const update = () => setMeta(readMeta(doc));
  map.observe(update);
  onCleanup(() => map.unobserve(update));
  return meta;
}
