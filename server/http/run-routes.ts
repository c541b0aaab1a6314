/**
 * Runs (ARCHITECTURE §5, issue 6). `pipelineRunRoutes` serves `/api/pipelines/:id/runs` (start,
 * list); `runRoutes` serves `/api/runs` (read, logs, cancel, metrics, artifacts);
 * `versionMetricsRoute` serves `GET /api/versions/:id/metrics`. Viewers read; editors start and
 * cancel. Live progress is not here: it travels in the pipeline's awareness.
 */
import { Hono } from 'hono';
import {
  type RunCreateRequest,
  runCreateSchema,
  runListQuerySchema,
  runLogDownloadQuerySchema,
  runLogsQuerySchema,
} from '../../shared/api/runs.ts';
import type { ServerContext } from '../context.ts';
import { isForeignKeyViolation } from '../db/pg-errors.ts';
import { cancelRun } from '../runs/cancel-run.ts';
import { createRun } from '../runs/create-run.ts';
import {
  findArtifact,
  getRunDetail,
  listRuns,
  readRunLogs,
  runMetrics,
  versionMetrics,
} from '../runs/run-queries.ts';
import { ApiError, notFound } from './errors.ts';
import { pipelineNotFound, requirePipelineRole } from './pipeline-access.ts';
import { requireRunRole, runNotFound } from './run-access.ts';
import { runLogDownload } from './run-log-download.ts';
import type { AppEnv } from './session-middleware.ts';
import { readJson, readQuery } from './validate.ts';
import { requireVersionRole, versionNotFound } from './version-access.ts';

export function pipelineRunRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;

  routes.post('/', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'editor', 'run pipelines');
    // The body is optional: no body (or `{}`) runs the draft.
    const hasBody =
      c.req.header('content-type') !== undefined || c.req.header('content-length') !== undefined;
    const input: RunCreateRequest = hasBody
      ? await readJson(c, runCreateSchema, ctx.config.maxJsonBodyBytes)
      : {};
    const runner = await ctx.runner();
    let result: Awaited<ReturnType<typeof createRun>>;
    try {
      result = await createRun(ctx, runner, { pipelineId, userId: user.id, versionId: input.versionId });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw pipelineNotFound(); // deleted meanwhile
      throw error;
    }
    if (!result.ok && result.problem === 'version_not_found') throw versionNotFound();
    if (!result.ok) {
      const count = result.problems.length;
      throw new ApiError(
        422,
        'pipeline_invalid',
        `The pipeline has ${count} problem${count === 1 ? '' : 's'} to fix before it can run: ${result.problems[0]!.message}`,
        undefined,
        {},
        result.problems,
      );
    }
    const detail = await getRunDetail(db, result.runId);
    if (!detail) throw runNotFound();
    return c.json(detail, 202);
  });

  routes.get('/', async (c) => {
    const { pipelineId } = await requirePipelineRole(c, db, 'viewer', 'see runs');
    return c.json(await listRuns(db, pipelineId, readQuery(c, runListQuerySchema)));
  });

  return routes;
}

export function runRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;

  routes.get('/:id', async (c) => {
    const { run } = await requireRunRole(c, db, 'viewer', 'see runs');
    const detail = await getRunDetail(db, run.id);
    if (!detail) throw runNotFound();
    return c.json(detail);
  });

  routes.get('/:id/logs', async (c) => {
    const { run } = await requireRunRole(c, db, 'viewer', 'see runs');
    return c.json(await readRunLogs(db, run, readQuery(c, runLogsQuerySchema)));
  });

  routes.get('/:id/logs/download', async (c) => {
    const { run } = await requireRunRole(c, db, 'viewer', 'see runs');
    const { format } = readQuery(c, runLogDownloadQuerySchema);
    return runLogDownload(db, run, format);
  });

  routes.post('/:id/cancel', async (c) => {
    const { user, run } = await requireRunRole(c, db, 'editor', 'cancel runs');
    const result = await cancelRun(ctx, await ctx.runner(), run, user);
    if (result === 'already_finished') throw new ApiError(409, 'conflict', 'The run has already finished');
    const detail = await getRunDetail(db, run.id);
    if (!detail) throw runNotFound();
    return c.json(detail, 202);
  });

  routes.get('/:id/metrics', async (c) => {
    const { run } = await requireRunRole(c, db, 'viewer', 'see runs');
    return c.json(await runMetrics(db, run.id));
  });

  routes.get('/:id/artifacts/:artifactId', async (c) => {
    const { run } = await requireRunRole(c, db, 'viewer', 'see runs');
    const artifact = await findArtifact(db, run.id, c.req.param('artifactId'));
    const blob = artifact ? await ctx.blobs.get(artifact.storageKey) : null;
    if (!artifact || !blob) throw notFound('Artifact not found');
    return new Response(blob.stream, {
      headers: {
        'content-type': contentTypeOf(artifact.name),
        'content-length': String(blob.size),
        'content-disposition': `attachment; filename="${artifact.name.replace(/[^\w.-]+/g, '_')}"`,
        'cache-control': 'no-store',
      },
    });
  });

  return routes;
}

/** `GET /api/versions/:id/metrics`: mounted before the version routes so `/:id` does not take it. */
export function versionMetricsRoute(ctx: ServerContext): Hono<AppEnv> {
  const { db } = ctx.database;
  return new Hono<AppEnv>().get('/:id/metrics', async (c) => {
    const { version } = await requireVersionRole(c, db, 'viewer', 'see metrics');
    return c.json(await versionMetrics(db, version.id));
  });
}

function contentTypeOf(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.png')) return 'image/png';
  return 'application/octet-stream';
}
