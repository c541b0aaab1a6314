/** `/api/pipelines/:id/members`: who is on a pipeline, with which role; owners manage, anyone may leave. */
import { type Context, Hono } from 'hono';
import { memberInviteSchema, memberRoleChangeSchema } from '../../shared/api/schemas.ts';
import type { ServerContext } from '../context.ts';
import { isUuid } from '../pipelines/access.ts';
import {
  listMembers,
  type MemberChangeProblem,
  type MemberChangeResult,
  removeMember,
  setMemberRole,
} from '../pipelines/members.ts';
import { ApiError } from './errors.ts';
import { pipelineNotFound, requirePipelineRole } from './pipeline-access.ts';
import type { AppEnv } from './session-middleware.ts';
import { readJson } from './validate.ts';

export function memberRoutes(ctx: ServerContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const { db } = ctx.database;
  const maxBytes = ctx.config.maxJsonBodyBytes;
  /** A changed role takes effect on the sync connection too: it must authenticate again. */
  const reconnect = (pipelineId: string, userId: string) => ctx.collab.disconnect(pipelineId, userId);

  routes.get('/', async (c) => {
    const { pipelineId } = await requirePipelineRole(c, db, 'viewer', 'see the members');
    return c.json(await listMembers(db, pipelineId));
  });

  routes.put('/', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'owner', 'manage members');
    const { username, role } = await readJson(c, memberInviteSchema, maxBytes);
    const result = await setMemberRole(db, { pipelineId, actorId: user.id, target: { username }, role });
    const member = unwrap(result, { user_not_found: `There is no user named "${username}"` });
    reconnect(pipelineId, member.userId);
    return c.json(member);
  });

  routes.put('/:userId', async (c) => {
    const { user, pipelineId } = await requirePipelineRole(c, db, 'owner', 'manage members');
    const userId = memberIdParam(c);
    const { role } = await readJson(c, memberRoleChangeSchema, maxBytes);
    const result = await setMemberRole(db, { pipelineId, actorId: user.id, target: { userId }, role });
    const member = unwrap(result);
    reconnect(pipelineId, member.userId);
    return c.json(member);
  });

  routes.delete('/:userId', async (c) => {
    // Not `requirePipelineRole(…, 'owner')`: any member may remove themselves (leave).
    const { user, pipelineId } = await requirePipelineRole(c, db, 'viewer', 'see the members');
    const userId = memberIdParam(c);
    unwrap(await removeMember(db, { pipelineId, actorId: user.id, userId }));
    reconnect(pipelineId, userId);
    return c.body(null, 204);
  });

  return routes;
}

function memberIdParam(c: Context<AppEnv>): string {
  const userId = c.req.param('userId') ?? '';
  if (!isUuid(userId)) throw notAMember();
  return userId;
}

const notAMember = () => new ApiError(404, 'not_found', 'That user is not a member of this pipeline');

function unwrap<T>(
  result: MemberChangeResult<T>,
  messages: Partial<Record<MemberChangeProblem, string>> = {},
): T {
  if (result.ok) return result.value;
  throw problemError(result.problem, messages[result.problem]);
}

function problemError(problem: MemberChangeProblem, message: string | undefined): ApiError {
  switch (problem) {
    case 'pipeline_not_found':
      return pipelineNotFound();
    case 'forbidden':
      return new ApiError(403, 'forbidden', message ?? 'Only owners can manage members');
    case 'user_not_found':
      return new ApiError(404, 'not_found', message ?? 'No such user');
    case 'not_a_member':
      return notAMember();
    case 'last_owner':
      return new ApiError(
        409,
        'conflict',
        message ?? 'A pipeline needs at least one owner: make someone else an owner first',
      );
  }
}
