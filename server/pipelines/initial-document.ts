/**
 * The Yjs state a new pipeline starts with: an initialised document (schema stamped, name,
 * description and tags in `meta`), filled from a template when one was chosen, so the first
 * person to open it never sees an untitled draft and the `pipelines` row agrees with it from the start.
 */
import * as Y from 'yjs';
import {
  CLIPBOARD_FORMAT,
  CLIPBOARD_VERSION,
  initDocument,
  MIGRATION_ORIGIN,
  pasteSelection,
} from '../../shared/doc/index.ts';
import type { PipelineTemplate } from '../../shared/templates/index.ts';
import type { PipelineFields } from './pipelines.ts';

export function initialDocumentState(fields: PipelineFields, template?: PipelineTemplate): Uint8Array {
  const doc = new Y.Doc();
  initDocument(doc, { name: fields.name, description: fields.description, tags: fields.tags });
  if (template) {
    const { nodes, edges } = template.graph;
    pasteSelection(doc, MIGRATION_ORIGIN, {
      format: CLIPBOARD_FORMAT,
      version: CLIPBOARD_VERSION,
      nodes,
      edges,
    });
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
