/**
 * `GET /api/pipelines/:id/export/{python|notebook|requirements|docker}`: the same shared generator
 * the browser runs in its worker, over the pipeline's live document, so a download equals what
 * the code panel shows. (`?version=` joins when versions exist.)
 */
import { Hono } from 'hono';
import {
  generateDockerBundle,
  generateNotebook,
  generatePython,
  generateRequirements,
} from '../../shared/codegen/index.ts';
import { toGraph } from '../../shared/doc/index.ts';
import { readDocumentMeta } from '../collab/document-meta.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from './errors.ts';
import { requirePipelineRole } from './pipeline-access.ts';
import type { AppEnv } from './session-middleware.ts';

export const EXPORT_FORMATS = ['python', 'notebook', 'requirements', 'docker'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportRoutes(ctx: ServerContext): Hono<AppEnv> {
  const { db } = ctx.database;
  return new Hono<AppEnv>().get('/:format', async (c) => {
    const format = c.req.param('format') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) {
      throw new ApiError(404, 'not_found', `Unknown export format; use one of ${EXPORT_FORMATS.join(', ')}`);
    }
    const { pipelineId } = await requirePipelineRole(c, db, 'viewer', 'export this pipeline');
    const { graph, name } = await ctx.collab.readDocument(pipelineId, (doc) => ({
      graph: toGraph(doc),
      name: readDocumentMeta(doc).name ?? 'pipeline',
    }));
    const base = fileBaseName(name);
    const options = { title: name };
    switch (format) {
      case 'python':
        return download(
          generatePython(graph, undefined, options).code,
          `${base}.py`,
          'text/x-python; charset=utf-8',
        );
      case 'notebook':
        return download(
          generateNotebook(graph, undefined, options),
          `${base}.ipynb`,
          'application/x-ipynb+json',
        );
      case 'requirements':
        return download(generateRequirements(), 'requirements.txt', 'text/plain; charset=utf-8');
      case 'docker':
        return download(
          generateDockerBundle(graph, undefined, options),
          `${base}-docker.zip`,
          'application/zip',
        );
    }
  });
}

/** A safe file name from a pipeline name: ASCII letters, digits, `-` and `_` only. */
export function fileBaseName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return base === '' ? 'pipeline' : base.toLowerCase();
}

function download(body: string | Uint8Array, fileName: string, contentType: string): Response {
  // A Uint8Array view may sit on a shared buffer; a fresh copy is a valid BodyInit on every runtime.
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
