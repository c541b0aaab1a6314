/**
 * The Yjs state a new pipeline starts with: an initialised document (schema stamped, name,
 * description and tags in `meta`) so the first person to open it never sees an untitled draft,
 * and the sync server's mirror of `meta` agrees with the row from the start.
 */
import * as Y from 'yjs';
import { initDocument } from '../../shared/doc/index.ts';
import type { PipelineFields } from './pipelines.ts';

export function initialDocumentState(fields: PipelineFields): Uint8Array {
  const doc = new Y.Doc();
  initDocument(doc, { name: fields.name, description: fields.description, tags: fields.tags });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
