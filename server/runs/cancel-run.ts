/**
 * Cancelling a run. A queued run is cancelled on the spot (and its job dropped); a running one is
 * marked as cancel-requested and its job cancelled: the worker executing it — in this process at
 * once, elsewhere within a heartbeat — stops the whole process group and records `cancelled`.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordNotification } from '../../shared/api/notifications.ts';
import type { ServerContext } from '../context.ts';
import { runs } from '../db/schema.ts';
import { cancelQueuedRun } from '../runner/run-store.ts';
import type { Runner } from '../runner/runner.ts';
import type { RunRef } from './run-queries.ts';

export type CancelResult = 'cancelled' | 'stopping' | 'already_finished';

export async function cancelRun(
  ctx: ServerContext,
  runner: Runner,
  run: RunRef,
  user: { id: string; username: string },
): Promise<CancelResult> {
  const { db } = ctx.database;
  const [requested] = await db
    .update(runs)
    .set({ cancelRequestedAt: sql`coalesce(${runs.cancelRequestedAt}, now())`, cancelledBy: user.id })
    .where(and(eq(runs.id, run.id), inArray(runs.status, ['queued', 'running'])))
    .returning({ status: runs.status });
  if (!requested) return 'already_finished';

  const announce = (action: 'finished' | 'cancel_requested') =>
    ctx.collab.broadcast(
      run.pipelineId,
      recordNotification({ kind: 'run', action, id: run.id, versionId: run.versionId }),
    );
  if (
    requested.status === 'queued' &&
    (await cancelQueuedRun(db, run.id, `Run cancelled by ${user.username} before it started.`))
  ) {
    if (run.jobId) await runner.queue.cancel(run.jobId).catch(() => {}); // its worker skips it anyway
    announce('finished');
    return 'cancelled';
  }
  // Running (or claimed a moment ago): the worker that has it stops it.
  if (run.jobId) await runner.queue.cancel(run.jobId);
  runner.cancelLocal(run.id);
  announce('cancel_requested');
  return 'stopping';
}
