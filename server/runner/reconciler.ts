/**
 * Keeps `runs` honest when a worker cannot: a run whose worker died (killed, machine gone, frozen
 * past its lease) must not stay "running" forever.
 *
 * - The runs queue dead-letters every job pg-boss fails (missed heartbeats, expiry, a handler that
 *   threw); `handleDeadLetter` fails the run with a reason a person understands.
 * - `sweep` (at worker start and every `SWEEP_INTERVAL_MS`) catches anything else: an unfinished
 *   run whose job is gone or already ended.
 */
import { and, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { JobWithMetadata, PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { runs } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { RUN_QUEUE, type RunJobData } from './run-queue.ts';
import { type ClaimedRun, failUnfinishedRun } from './run-store.ts';

export const SWEEP_INTERVAL_MS = 60_000;
/**
 * The sweep leaves alone runs younger than this (their job may not be visible yet) and runs whose
 * worker refreshed them more recently (a live worker does every second, and ends them itself).
 */
const SWEEP_QUIET_MS = 30_000;
const SWEEP_BATCH = 100;

export const WORKER_STOPPED_RESPONDING =
  'The worker stopped responding (no heartbeat within the lease), so the run was abandoned. Run it again.';

export type Failed = (run: ClaimedRun) => void;

/**
 * The reason a dead-lettered run job failed, from pg-boss's recorded output: its supervisor writes
 * `{value: {message: 'job heartbeat timeout'}}`, a handler's error is stored as `{message, …}`.
 */
export function describeJobFailure(output: unknown): string {
  const message = messageIn(output) ?? messageIn((output as { value?: unknown } | null)?.value) ?? '';
  if (/heartbeat/i.test(message)) return WORKER_STOPPED_RESPONDING;
  if (/expire|timed? ?out/i.test(message)) {
    return 'The run went past the queue’s time limit without its worker ending it, so it was abandoned. Run it again.';
  }
  return `The runner failed while handling the run${message ? `: ${message}` : ''}. Run it again.`;
}

function messageIn(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('message' in value)) return null;
  return String((value as { message: unknown }).message);
}

export async function handleDeadLetter(
  db: Db,
  job: JobWithMetadata<RunJobData>,
  onFailed: Failed,
): Promise<void> {
  const runId = job.data?.runId;
  if (typeof runId !== 'string') return;
  const failed = await failUnfinishedRun(db, runId, describeJobFailure(job.sourceOutput ?? job.output));
  if (failed) onFailed(failed);
}

export async function sweep(db: Db, boss: PgBoss, logger: Logger, onFailed: Failed): Promise<void> {
  const quietSince = sql`now() - make_interval(secs => ${SWEEP_QUIET_MS / 1000})`;
  const candidates = await db
    .select({ id: runs.id, jobId: runs.jobId })
    .from(runs)
    .where(
      and(
        inArray(runs.status, ['queued', 'running']),
        isNotNull(runs.jobId),
        lt(runs.createdAt, quietSince),
        or(isNull(runs.heartbeatAt), lt(runs.heartbeatAt, quietSince)),
      ),
    )
    .limit(SWEEP_BATCH);
  for (const run of candidates) {
    const job = await boss.findJobs<RunJobData>(RUN_QUEUE, { id: run.jobId! });
    const state = job[0]?.state;
    if (state === 'created' || state === 'retry' || state === 'active') continue;
    const reason =
      state === undefined
        ? 'The run’s queue entry disappeared, so it can never start. Run it again.'
        : state === 'failed'
          ? WORKER_STOPPED_RESPONDING
          : `The run’s queue entry ended (${state}) without the run ending. Run it again.`;
    const failed = await failUnfinishedRun(db, run.id, reason);
    if (failed) {
      logger.warn({ runId: run.id, jobState: state ?? 'missing' }, 'reconciled an abandoned run');
      onFailed(failed);
    }
  }
}
