/**
 * The HTTP application: `/api` routes, then the built client with an SPA fallback. Cross-cutting
 * rules live here once: errors as JSON, `Origin` checks on state-changing requests, request logs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import type { Health } from '../../shared/api/types.ts';
import type { ServerContext } from '../context.ts';
import { authRoutes } from './auth-routes.ts';
import { componentRoutes, templateRoutes } from './catalog-routes.ts';
import { commentRoutes } from './comment-routes.ts';
import { datasetRoutes, pipelineDatasetRoutes } from './dataset-routes.ts';
import { ApiError, errorResponse } from './errors.ts';
import { isAllowedOrigin } from './origin.ts';
import { pipelineRoutes } from './pipeline-routes.ts';
import { pipelineRunRoutes, runRoutes, versionMetricsRoute } from './run-routes.ts';
import type { AppEnv } from './session-middleware.ts';
import { sessionMiddleware } from './session-middleware.ts';
import { pipelineVersionRoutes, versionRoutes } from './version-routes.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const VERSION = '0.1.0';

export function createApp(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const log = ctx.logger.child({ module: 'http' });

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    return errorResponse(c, new ApiError(500, 'internal', 'Something went wrong on the server'));
  });
  const noApiRoute = (c: Context) =>
    errorResponse(c, new ApiError(404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));
  app.notFound((c) => (c.req.path.startsWith('/api/') ? noApiRoute(c) : c.text('Not found', 404)));

  app.use('/api/*', async (c, next) => {
    // Cross-site request forgery: a browser always sends Origin on cross-origin state changes.
    if (!SAFE_METHODS.has(c.req.method) && !isAllowedOrigin(c.req.raw, ctx.config)) {
      throw new ApiError(403, 'forbidden', 'Cross-site request refused (Origin does not match this server)');
    }
    const started = performance.now();
    await next();
    log.debug({
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: performance.now() - started,
    });
  });
  app.use('/api/*', sessionMiddleware(ctx));

  app.get('/api/health', (c) => c.json<Health>({ ok: true, database: ctx.database.kind, version: VERSION }));
  app.route('/api/auth', authRoutes(ctx));
  app.route('/api/pipelines/:id/versions', pipelineVersionRoutes(ctx));
  app.route('/api/pipelines/:id/runs', pipelineRunRoutes(ctx));
  app.route('/api/pipelines/:id/datasets', pipelineDatasetRoutes(ctx));
  app.route('/api/pipelines', pipelineRoutes(ctx));
  app.route('/api/components', componentRoutes());
  app.route('/api/templates', templateRoutes());
  app.route('/api/versions', versionMetricsRoute(ctx));
  app.route('/api/versions', versionRoutes(ctx));
  app.route('/api/runs', runRoutes(ctx));
  app.route('/api/comments', commentRoutes(ctx));
  app.route('/api/datasets', datasetRoutes(ctx));

  // Last: the client's catch-all routes. Unknown API paths must not get the app shell.
  app.all('/api/*', noApiRoute);
  mountClient(app, ctx.config.clientDir);
  return app;
}

function mountClient(app: Hono<AppEnv>, clientDir: string): void {
  const indexPath = path.join(clientDir, 'index.html');
  if (!existsSync(indexPath)) {
    app.get('*', (c) =>
      c.text('The client is not built. Run `npm run build` (npm start does it for you).', 503),
    );
    return;
  }
  const indexHtml = readFileSync(indexPath, 'utf8');
  const root = path.relative(process.cwd(), clientDir) || '.';
  app.use('/*', serveStatic({ root }));
  // Client-side routes (/login, /p/:id, …) all load the app shell.
  app.get('*', (c) => c.html(indexHtml));
}
