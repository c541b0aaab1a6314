/** `/api/components` and `/api/templates`: the catalog and the template gallery, as plain data. */
import { Hono } from 'hono';
import { catalog } from '../../shared/catalog/catalog.ts';
import { templates } from '../../shared/templates/index.ts';
import type { AppEnv } from './session-middleware.ts';
import { requireUser } from './session-middleware.ts';

export function componentRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => {
    requireUser(c);
    return c.json(catalog.all());
  });
}

export function templateRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', (c) => {
    requireUser(c);
    return c.json(templates);
  });
}
