/**
 * Run record notifications (`run` created/started/finished, shared/api/notifications.ts) from any
 * process to everyone on the pipeline, wherever they are connected.
 *
 * On PostgreSQL a run may start and end in a standalone runner (`npm run runner`) with no sync
 * endpoint of its own, and people may be connected to any of several servers. So every runner —
 * in a server or standalone — announces through the database: `pg_notify` on `RUN_CHANNEL`, and
 * every server LISTENs and relays each announcement to the connections it holds on that pipeline
 * (`relayStateless`: its own connections only; every server hears the notification itself, so
 * Redis must not relay it a second time). Nothing is needed besides the database both already
 * share: no runner token, no server URL.
 *
 * On PGlite the database lives inside the one server process, which runs every runner: the
 * announcement goes straight to its documents.
 *
 * The listening connection comes back by itself after the database restarts or the connection
 * drops (retrying every `RELISTEN_DELAY_MS`), and a runner retries an announcement while the
 * database is away (database-retry.ts). A server whose listener was away passes on, once it
 * listens again, every run created, started or ended since shortly before it lost the connection
 * (`runChangesSince`), so nothing announced meanwhile is missed; a repeat only makes clients
 * refetch once more.
 */
import { desc, gte, or, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type RunAction, recordNotification, runActions } from '../../shared/api/notifications.ts';
import { type Database, type Db, reconnectBackoff } from '../db/database.ts';
import { runs } from '../db/schema.ts';
import type { Logger } from '../logger.ts';
import { retryWhileUnreachable } from './database-retry.ts';
import type { ClaimedRun } from './run-store.ts';

export const RUN_CHANNEL = 'dominoml_run_records';
const RELISTEN_DELAY_MS = 1_000;
/** Catching up after the listener was away looks this much further back (clocks differ a little). */
const CATCH_UP_MARGIN_MS = 60_000;
/** At most this many run changes are passed on after an outage (the newest). */
const CATCH_UP_MAX = 500;

export interface RunChange {
  pipelineId: string;
  id: string;
  versionId: string;
  action: RunAction;
}

export type Announce = (run: ClaimedRun, action: RunAction) => void;

/**
 * Announces through PostgreSQL's NOTIFY, retrying while the database is unreachable; never throws
 * (an announcement lost after that is logged).
 */
export function databaseAnnouncer(database: Database, logger: Logger): Announce {
  return (run, action) => {
    const change: RunChange = { pipelineId: run.pipelineId, id: run.id, versionId: run.versionId, action };
    // Repeating a notification is harmless (clients refetch); losing one leaves lists stale.
    retryWhileUnreachable(() =>
      database.db.execute(sql`select pg_notify(${RUN_CHANNEL}, ${JSON.stringify(change)})`),
    ).then(
      () => {},
      (error: unknown) =>
        logger.warn({ err: error, runId: run.id, action }, 'could not announce a run change'),
    );
  };
}

/** The run change in a notification payload, or null for anything else. */
export function parseRunChange(payload: string): RunChange | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { pipelineId, id, versionId, action } = value as Record<string, unknown>;
  if (typeof pipelineId !== 'string' || typeof id !== 'string' || typeof versionId !== 'string') return null;
  if (!(runActions as readonly unknown[]).includes(action)) return null;
  return { pipelineId, id, versionId, action: action as RunAction };
}

/**
 * Runs that were created, started or ended since `since`, as the change each last went through:
 * what a server that could not listen meanwhile passes on when it listens again.
 */
export async function runChangesSince(db: Db, since: Date): Promise<RunChange[]> {
  const rows = await db
    .select({
      id: runs.id,
      pipelineId: runs.pipelineId,
      versionId: runs.versionId,
      startedAt: runs.startedAt,
      finishedAt: runs.finishedAt,
    })
    .from(runs)
    .where(or(gte(runs.createdAt, since), gte(runs.startedAt, since), gte(runs.finishedAt, since)))
    .orderBy(desc(runs.createdAt))
    .limit(CATCH_UP_MAX);
  return rows.map(({ startedAt, finishedAt, ...run }) => ({
    ...run,
    action:
      finishedAt && finishedAt >= since
        ? 'finished'
        : startedAt && startedAt >= since
          ? 'started'
          : 'created',
  }));
}

/** The notification clients receive for a change. */
export function notificationOf(change: RunChange) {
  return recordNotification({
    kind: 'run',
    action: change.action,
    id: change.id,
    versionId: change.versionId,
  });
}

export interface RunChangeListener {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls `onChange` for every run change any process announces on the PostgreSQL at `databaseUrl`,
 * over a connection of its own that is re-established whenever it is lost.
 */
export function listenForRunChanges(
  databaseUrl: string,
  logger: Logger,
  onChange: (change: RunChange) => void,
  hooks: { catchUp?: (since: Date) => Promise<RunChange[]> } = {},
): RunChangeListener {
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let listening = false;
  let relistening: Promise<void> | null = null;
  let lostAt: number | null = null;

  // `onnotify` is a postgres.js option its types leave out (its own `listen` uses it, but that one
  // gives up re-listening when the database is down at the moment the connection drops).
  const options = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    backoff: reconnectBackoff,
    connection: { application_name: 'dominoml-run-records' },
    onnotice: () => {},
    onnotify(channel: string, payload: string) {
      if (channel !== RUN_CHANNEL) return;
      const change = parseRunChange(payload);
      if (change) onChange(change);
    },
    onclose() {
      if (stopped || !listening) return;
      listening = false;
      lostAt = Date.now();
      logger.warn('lost the database connection that hears run changes; reconnecting');
      scheduleRelisten(0);
    },
  };
  const client = postgres(databaseUrl, options as postgres.Options<Record<string, never>>);

  const listen = async (): Promise<void> => {
    await client.unsafe(`listen "${RUN_CHANNEL}"`);
    listening = true;
    if (lostAt === null) return;
    const since = new Date(lostAt - CATCH_UP_MARGIN_MS);
    logger.info({ downMs: Date.now() - lostAt }, 'hearing run changes again');
    lostAt = null;
    // What was announced while nobody here listened: passed on now (a repeat is harmless).
    if (hooks.catchUp) {
      hooks.catchUp(since).then(
        (changes) => {
          for (const change of changes) onChange(change);
        },
        (error: unknown) => logger.warn({ err: error }, 'catching up on run changes failed'),
      );
    }
  };

  const scheduleRelisten = (delayMs: number) => {
    if (stopped || relistening || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      relistening = listen()
        .catch(() => scheduleRelistenLater())
        .finally(() => {
          relistening = null;
        });
    }, delayMs);
  };
  const scheduleRelistenLater = () => {
    relistening = null;
    scheduleRelisten(RELISTEN_DELAY_MS);
  };

  const ready = listen().catch((error: unknown) => {
    logger.warn({ err: error }, 'cannot listen for run changes yet; retrying');
    lostAt = Date.now();
    scheduleRelisten(RELISTEN_DELAY_MS);
  });

  return {
    ready,
    async close() {
      stopped = true;
      clearTimeout(retry);
      await client.end({ timeout: 2 }).catch(() => {});
    },
  };
}
