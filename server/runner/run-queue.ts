/**
 * The run queue: pg-boss 12 (STACK-NOTES), on PostgreSQL through its own `pg` pool, or on the
 * embedded PGlite through its `fromPglite` adapter (the queue then lives inside the one process
 * that owns the data directory). Our `runs` table holds what people see; the pg-boss job only
 * carries the run id and provides what a queue must: exactly-once claims across workers
 * (`SKIP LOCKED`), heartbeats, cancellation of a running job (`job.signal`), and expiry.
 *
 * Lease: the runs queue requires a heartbeat every `leaseSeconds`; workers send one every second.
 * When a worker dies, pg-boss's supervisor fails its job after the lease; with no retries (a rerun
 * is a person's decision, not the queue's) the job then moves to the dead-letter queue, whose
 * handler (reconciler.ts) marks the run failed with "worker stopped responding".
 */

import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, fromPglite, type PGliteLike, PgBoss } from 'pg-boss';
import type { Database, Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { isConnectionError } from './database-retry.ts';

export const RUN_QUEUE = 'dominoml-runs';
export const RUN_FAILURES_QUEUE = 'dominoml-run-failures';

/** Workers refresh their jobs' heartbeats this often; also how fast a cancel reaches a remote worker. */
export const HEARTBEAT_REFRESH_SECONDS = 1;
/** pg-boss's own limit on a job, a backstop behind the runner's timeout (which ends the run first). */
const EXPIRY_MARGIN_SECONDS = 120;
/** Connections of pg-boss's pool on PostgreSQL: fetch, heartbeats, supervision, LISTEN. */
const POOL_MAX = 4;
/** A worker with nothing to do looks for jobs this often even when no notification arrived. */
const POLLING_SECONDS = 2;
const NOTIFY_POLLING_SECONDS = 10;
const CONNECTION_ERROR_QUIET_MS = 10_000;
/** pg-boss's flow poller cannot be switched off; an hour between polls is as good as off. */
const FLOW_POLL_OFF_SECONDS = 3_600;

export interface RunJobData {
  runId: string;
}

export interface RunQueueOptions {
  database: Database;
  /** PostgreSQL URL (pg-boss opens its own pool); unused on PGlite. */
  databaseUrl: string | undefined;
  leaseSeconds: number;
  runTimeoutMs: number;
  logger: Logger;
}

export interface RunQueue {
  boss: PgBoss;
  /** Adds the run's job inside `tx`, the transaction that inserts the run; resolves with the job id. */
  enqueue(tx: Db, runId: string): Promise<string>;
  /** Cancels the run's job: a queued job is dropped, a running one's handler sees `job.signal` abort. */
  cancel(jobId: string): Promise<void>;
  stop(): Promise<void>;
}

export async function openRunQueue(options: RunQueueOptions): Promise<RunQueue> {
  const { database, logger } = options;
  const embedded = database.kind === 'pglite';
  // Supervision (expiring jobs whose heartbeat stopped) runs a few times per lease on PostgreSQL,
  // where workers on other machines can die on their own. On the embedded database every worker
  // lives in this process (the data directory is locked to it), so a missed heartbeat means this
  // process was frozen or is starting after a crash: once per lease is enough, and a pass (~20
  // statements) is CPU the relaying of edits shares two cores with.
  const superviseSeconds = embedded
    ? Math.max(1, options.leaseSeconds)
    : Math.max(1, Math.floor(options.leaseSeconds / 4));
  const common = {
    useListenNotify: true,
    supervise: true,
    schedule: false,
    superviseIntervalSeconds: superviseSeconds,
    // pg-boss supervises at the larger of these two intervals.
    monitorIntervalSeconds: superviseSeconds,
    // Job flows (dependsOn) are not used; their poller would query every 5 s for nothing.
    flowIntervalSeconds: FLOW_POLL_OFF_SECONDS,
    instanceName: 'dominoml-runner',
  };
  const boss = embedded
    ? new PgBoss({ ...common, db: fromPglite(pgliteClientOf(database.db)), backend: 'pglite' })
    : new PgBoss({
        ...common,
        connectionString: requireUrl(options.databaseUrl),
        max: POOL_MAX,
        application_name: 'dominoml-runner',
      });
  // While the database is away pg-boss fails every poll and heartbeat and tries again by itself:
  // one warning every few seconds, not one per failed query.
  let quietUntil = 0;
  boss.on('error', (error) => {
    if (!isConnectionError(error)) {
      logger.error({ err: error }, 'run queue error');
      return;
    }
    if (Date.now() < quietUntil) return;
    quietUntil = Date.now() + CONNECTION_ERROR_QUIET_MS;
    logger.warn({ reason: error.message }, 'run queue: the database is unreachable; pg-boss keeps retrying');
  });
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, `run queue: ${warning.message}`));
  await boss.start();
  try {
    await ensureQueue(boss, RUN_FAILURES_QUEUE, { retryLimit: 5, retryDelay: 5, expireInSeconds: 60 });
    await ensureQueue(boss, RUN_QUEUE, {
      heartbeatSeconds: options.leaseSeconds,
      expireInSeconds: Math.ceil(options.runTimeoutMs / 1000) + EXPIRY_MARGIN_SECONDS,
      retryLimit: 0,
      deadLetter: RUN_FAILURES_QUEUE,
    });
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw error;
  }

  return {
    boss,
    async enqueue(tx, runId) {
      const data: RunJobData = { runId };
      // Our Db type is drizzle's generic PgDatabase, whose `execute` is typed per driver.
      const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
      const id = await boss.send(RUN_QUEUE, data, { db });
      if (!id) throw new Error(`the run queue refused run ${runId}`);
      return id;
    },
    async cancel(jobId) {
      await boss.cancel(RUN_QUEUE, jobId);
    },
    async stop() {
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    },
  };
}

/**
 * Installs pg-boss's schema in a PGlite database without keeping a queue open: the test suite's
 * migrated snapshot carries it, so each test server skips the ~0.3 s of creating it.
 */
export async function installQueueSchema(database: Database): Promise<void> {
  if (database.kind !== 'pglite') throw new Error('installQueueSchema is for PGlite snapshots');
  const boss = new PgBoss({
    db: fromPglite(pgliteClientOf(database.db)),
    backend: 'pglite',
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: false });
}

/** Work options shared by every worker of the runs queue. */
export const RUN_WORK_OPTIONS = {
  batchSize: 1,
  heartbeatRefreshSeconds: HEARTBEAT_REFRESH_SECONDS,
  pollingIntervalSeconds: POLLING_SECONDS,
  notifyPollingIntervalSeconds: NOTIFY_POLLING_SECONDS,
} as const;

interface QueueSettings {
  heartbeatSeconds?: number;
  expireInSeconds: number;
  retryLimit: number;
  retryDelay?: number;
  deadLetter?: string;
}

/** Creates the queue, or brings an existing one to these settings (a changed lease, timeout). */
async function ensureQueue(boss: PgBoss, name: string, settings: QueueSettings): Promise<void> {
  if (await boss.getQueue(name)) {
    await boss.updateQueue(name, settings);
    return;
  }
  try {
    await boss.createQueue(name, { ...settings, notify: true });
  } catch (error) {
    // Another worker created it at the same moment.
    if (!(await boss.getQueue(name))) throw error;
    await boss.updateQueue(name, settings);
  }
}

/** drizzle keeps its driver client as `$client`: the PGlite thread (pglite-thread.ts) the queue must share. */
function pgliteClientOf(db: Db): PGliteLike {
  return (db as unknown as { $client: PGliteLike }).$client;
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('the run queue on PostgreSQL needs DATABASE_URL');
  return url;
}
