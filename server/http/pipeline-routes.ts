/** `/api/pipelines`: list, create, read, change and delete pipelines; members under `/:id/members`. */
import { Hono } from 'hono';
import {
  pipelineCreateSchema,
  pipelineListQuerySchema,
  pipelinePatchSchema,
} from '../../shared/api/schemas.ts';
import { MIGRATION_ORIGIN, setMeta } from '../../shared/doc/index.ts';
import { findTemplate } from '../../shared/templates/index.ts';
import type { ServerContext } from '../context.ts';
import {
  createPipeline,
  deletePipeline,
  getPipelineSummary,
  listPipelines,
  updatePipeline,
} from '../pipelines/pipelines.ts';
import { deleteBlobs } from '../runs/run-blobs.ts';
import { ApiError } from './errors.ts';
import { exportRoutes } from './export-routes.ts';
import { memberRoutes } from './member-routes.ts';
import { pipelineNotFound, requirePipelineRole } from './pipeline-access.ts';
import { type AppEnv, requireUser } from './session-middleware.ts';
import { readJson, readQuery } from './validate.ts';

export function pipelineRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;

  routes.get('/', async (c) => {
    const user = requireUser(c);
    const query = readQuery(c, pipelineListQuerySchema);
    return c.json(await listPipelines(db, user.id, query));
  });

  routes.post('/', async (c) => {
    const user = requireUser(c);
    const {
      name,
      description,
      tags,
      template: templateId,
    } = await readJson(c, pipelineCreateSchema, maxBytes);
    const template = templateId === undefined ? undefined : findTemplate(templateId);
    if (templateId !== undefined && !template) {
      throw new ApiError(400, 'validation_failed', `There is no template "${templateId}"`, {
        template: 'Unknown template',
      });
    }
    return c.json(await createPipeline(db, user, { name, description, tags }, template), 201);
  });

  routes.get('/:id', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'viewer', 'read this pipeline');
    const summary = await getPipelineSummary(db, pipelineId, user.id);
    if (!summary) throw pipelineNotFound(); // deleted since the role check
    return c.json(summary);
  });

  routes.patch('/:id', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'editor', 'change this pipeline');
    const changes = await readJson(c, pipelinePatchSchema, maxBytes);
    await updatePipeline(db, pipelineId, changes);
    // The document is where name, description and tags live (the table mirrors it on every store),
    // so the change goes there too, and everyone with the pipeline open sees it.
    await ctx.collab.changeDocument(pipelineId, (doc) => setMeta(doc, MIGRATION_ORIGIN, changes));
    const summary = await getPipelineSummary(db, pipelineId, user.id);
    if (!summary) throw pipelineNotFound();
    return c.json(summary);
  });

  routes.delete('/:id', async (c) => {
    const { pipelineId } = await requirePipelineRole(c, db, 'owner', 'delete this pipeline');
    const artifactKeys = await deletePipeline(db, pipelineId);
    ctx.collab.disconnect(pipelineId);
    await deleteBlobs(ctx.blobs, artifactKeys, ctx.logger);
    return c.body(null, 204);
  });

  routes.route('/:id/members', memberRoutes(ctx));
  routes.route('/:id/export', exportRoutes(ctx));
  return routes;
}
