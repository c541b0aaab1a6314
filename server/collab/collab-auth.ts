/**
 * Who may open a pipeline document over the sync WebSocket: the session cookie names the person,
 * their role on the pipeline decides read-write (owner, editor) or read-only (commenter, viewer).
 * Everyone else is refused with `permission-denied`, which the provider reports to the client.
 */
import type { onAuthenticatePayload } from '@hocuspocus/server';
import type { MemberRole } from '../../shared/api/schemas.ts';
import { readSessionCookie, validateSessionToken } from '../auth/sessions.ts';
import type { CoreContext } from '../context.ts';
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
  payload: Pick<onAuthenticatePayload, 'documentName' | 'requestHeaders' | 'connectionConfig'>,
): Promise<CollabContext> {
  const pipelineId = pipelineIdOf(payload.documentName);
  if (!pipelineId) throw new CollabAuthError('not-found');
  const token = readSessionCookie(payload.requestHeaders.get('cookie'));
  const session = token ? await validateSessionToken(ctx, token) : null;
  if (!session) throw new CollabAuthError('unauthenticated');
  const role = await getRole(ctx.database.db, pipelineId, session.user.id);
  // Outsiders learn nothing, not even whether the pipeline exists.
  if (!role) throw new CollabAuthError('forbidden');
  payload.connectionConfig.readOnly = !canEditDocument(role);
  return { userId: session.user.id, username: session.user.username, pipelineId, role };
}
