/**
 * Who may open a pipeline document over the sync WebSocket: the session cookie names the person,
 * their role on the pipeline decides read-write (owner, editor) or read-only (commenter, viewer).
 * Everyone else is refused with `permission-denied`, which the provider reports to the client.
 * Standalone runners present `RUNNER_TOKEN` instead and get a read-only connection.
 */
import { timingSafeEqual } from 'node:crypto';
import type { onAuthenticatePayload } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import type { MemberRole } from '../../shared/api/schemas.ts';
import { readSessionCookie, validateSessionToken } from '../auth/sessions.ts';
import type { CoreContext } from '../context.ts';
import { pipelines } from '../db/schema.ts';
import { getRole } from '../pipelines/access.ts';
import { pipelineIdOf } from './document-name.ts';

export interface CollabContext {
  userId: string;
  username: string;
  pipelineId: string;
  role: MemberRole;
}

const READ_WRITE_ROLES: ReadonlySet<MemberRole> = new Set(['owner', 'editor']);

export function canEditDocument(role: MemberRole): boolean {
  return READ_WRITE_ROLES.has(role);
}

export class CollabAuthError extends Error {
  /** Read by the provider as the close reason; keep it short and stable. */
  readonly reason: string;
  constructor(reason: 'unauthenticated' | 'forbidden' | 'not-found') {
    super(reason);
    this.reason = reason;
  }
}

export async function authenticateCollab(
  ctx: CoreContext,
  payload: Pick<onAuthenticatePayload, 'documentName' | 'requestHeaders' | 'connectionConfig' | 'token'>,
): Promise<CollabContext> {
  const pipelineId = pipelineIdOf(payload.documentName);
  if (!pipelineId) throw new CollabAuthError('not-found');
  if (payload.token && isRunnerToken(ctx, payload.token)) return authenticateRunner(ctx, pipelineId, payload);
  const token = readSessionCookie(payload.requestHeaders.get('cookie'));
  const session = token ? await validateSessionToken(ctx, token) : null;
  if (!session) throw new CollabAuthError('unauthenticated');
  const role = await getRole(ctx.database.db, pipelineId, session.user.id);
  // Outsiders learn nothing, not even whether the pipeline exists.
  if (!role) throw new CollabAuthError('forbidden');
  payload.connectionConfig.readOnly = !canEditDocument(role);
  return { userId: session.user.id, username: session.user.username, pipelineId, role };
}

/** The `userId` of a standalone runner's connections: no person, never matched by `disconnect`. */
export const RUNNER_CONNECTION_USER = 'runner';

function isRunnerToken(ctx: CoreContext, token: string): boolean {
  const expected = ctx.config.runnerToken;
  if (!expected) return false;
  const [a, b] = [Buffer.from(token), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A standalone runner (`npm run runner`) publishing live run state: read-only, so it can set its
 * awareness but never change the document.
 */
async function authenticateRunner(
  ctx: CoreContext,
  pipelineId: string,
  payload: Pick<onAuthenticatePayload, 'connectionConfig'>,
): Promise<CollabContext> {
  const [pipeline] = await ctx.database.db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(eq(pipelines.id, pipelineId));
  if (!pipeline) throw new CollabAuthError('not-found');
  payload.connectionConfig.readOnly = true;
  return { userId: RUNNER_CONNECTION_USER, username: 'runner', pipelineId, role: 'viewer' };
}
