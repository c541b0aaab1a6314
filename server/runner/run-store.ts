/**
 * The worker's writes to `runs`, `run_logs`, `metrics` and `artifacts`. Every status change is a
 * conditional update (`WHERE status = …`), so a run cancelled while queued is never started, and a
 * run failed by the reconciler is never overwritten by a worker that turns out to be alive.
 */
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { Db } from '../db/database.ts';
import { artifacts, metrics, pipelines, runLogs, runs, versions } from '../db/schema.ts';
import type { ReportEvent } from './report-events.ts';
import type { LogLine } from './run-log.ts';
import type { RunOutcome } from './run-outcome.ts';

/** A run's identity: enough to announce a change of it. */
export interface ClaimedRun {
  id: string;
  pipelineId: string;
  versionId: string;
}

/** Marks a queued run as running on `worker`; null when it is no longer queued (cancelled, gone). */
export async function claimRun(db: Db, runId: string, worker: string): Promise<ClaimedRun | null> {
  const [row] = await db
    .update(runs)
    .set({ status: 'running', startedAt: sql`now()`, heartbeatAt: sql`now()`, worker })
    .where(and(eq(runs.id, runId), eq(runs.status, 'queued')))
    .returning({ id: runs.id, pipelineId: runs.pipelineId, versionId: runs.versionId });
  return row ?? null;
}

/** What the run executes: the version's stored graph, and the pipeline's name for the script header. */
export async function loadRunInput(
  db: Db,
  run: ClaimedRun,
): Promise<{ graph: PipelineGraph; title: string; versionNumber: number } | null> {
  const [row] = await db
    .select({ graph: versions.graph, number: versions.number, title: pipelines.name })
    .from(versions)
    .innerJoin(pipelines, eq(pipelines.id, versions.pipelineId))
    .where(eq(versions.id, run.versionId));
  return row ? { graph: row.graph, title: row.title, versionNumber: row.number } : null;
}

/**
 * One statement per batch, whatever its size: the lines travel as a single JSON parameter expanded
 * by `jsonb_to_recordset`. A multi-row VALUES list with five parameters per line costs several
 * times more to build, parse and plan (the building on the server's event loop).
 */
export async function insertLogLines(db: Db, runId: string, lines: readonly LogLine[]): Promise<void> {
  if (lines.length === 0) return;
  const rows = JSON.stringify(
    lines.map((line) => ({
      seq: line.seq,
      stream: line.stream,
      time: line.time.toISOString(),
      text: line.text,
    })),
  );
  await db.execute(sql`
    insert into ${runLogs} (run_id, seq, stream, time, text)
    select ${runId}::uuid, r.seq, r.stream, r.time, r.text
    from jsonb_to_recordset(${rows}::jsonb) as r(seq integer, stream text, time timestamptz, text text)
    on conflict do nothing`);
  // on conflict: a retried batch whose first attempt did commit.
}

export interface LogStats {
  lines: number;
  bytes: number;
  truncated: boolean;
}

/** The worker's sign of life, with the log counters the API shows while the run goes on. */
export async function refreshRun(db: Db, runId: string, stats: LogStats): Promise<void> {
  await db
    .update(runs)
    .set({
      heartbeatAt: sql`now()`,
      logLines: stats.lines,
      logBytes: stats.bytes,
      truncated: stats.truncated,
    })
    .where(and(eq(runs.id, runId), eq(runs.status, 'running')));
}

export async function isCancelRequested(db: Db, runId: string): Promise<boolean> {
  const [row] = await db.select({ at: runs.cancelRequestedAt }).from(runs).where(eq(runs.id, runId));
  return row?.at != null;
}

/** Records how a running run ended; false when someone else already ended it (the reconciler). */
export async function finishRun(
  db: Db,
  runId: string,
  outcome: RunOutcome,
  stats: LogStats,
): Promise<boolean> {
  const updated = await db
    .update(runs)
    .set({
      status: outcome.status,
      exitCode: outcome.exitCode,
      error: outcome.error,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      logLines: stats.lines,
      logBytes: stats.bytes,
      truncated: stats.truncated,
    })
    .where(and(eq(runs.id, runId), eq(runs.status, 'running')))
    .returning({ id: runs.id });
  return updated.length > 0;
}

/**
 * Fails a run that is still queued or running, with `reason` as its error and as a last log line
 * (numbered after whatever its worker stored). Used when its worker is gone or refused it.
 * Resolves with the run when it changed it, null when the run had already ended.
 */
export async function failUnfinishedRun(db: Db, runId: string, reason: string): Promise<ClaimedRun | null> {
  return db.transaction(async (tx) => {
    const [stored] = await tx
      .select({ last: max(runLogs.seq) })
      .from(runLogs)
      .where(eq(runLogs.runId, runId));
    const [row] = await tx
      .update(runs)
      .set({
        status: 'failed',
        error: reason,
        finishedAt: sql`now()`,
        logLines: sql`greatest(${runs.logLines}, ${stored?.last ?? 0}) + 1`,
      })
      .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running'])))
      .returning({ id: runs.id, pipelineId: runs.pipelineId, versionId: runs.versionId, seq: runs.logLines });
    if (!row) return null;
    await tx
      .insert(runLogs)
      .values({ runId, seq: row.seq, stream: 'system', time: new Date(), text: `Run failed: ${reason}` })
      .onConflictDoNothing();
    return { id: row.id, pipelineId: row.pipelineId, versionId: row.versionId };
  });
}

/** Cancels a run that no worker has claimed yet; false when it is not queued any more. */
export async function cancelQueuedRun(db: Db, runId: string, notice: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(runs)
      .set({ status: 'cancelled', finishedAt: sql`now()`, logLines: sql`${runs.logLines} + 1` })
      .where(and(eq(runs.id, runId), eq(runs.status, 'queued')))
      .returning({ seq: runs.logLines });
    if (!row) return false;
    await tx
      .insert(runLogs)
      .values({ runId, seq: row.seq, stream: 'system', time: new Date(), text: notice });
    return true;
  });
}

type MetricEvent = Extract<ReportEvent, { type: 'metric' }>;

/**
 * Records a run's end in one transaction: its status (only if still `running`), then its metrics
 * and artifacts. False when the run had already ended or is gone (nothing written). Safe to repeat
 * after a lost connection: a first attempt that did commit makes the repeat write nothing.
 */
export async function recordRunEnd(
  db: Db,
  run: ClaimedRun,
  outcome: RunOutcome,
  stats: LogStats,
  events: readonly MetricEvent[],
  stored: readonly StoredArtifact[],
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await finishRun(tx, run.id, outcome, stats))) return false;
    await insertMetrics(tx, run, events);
    await insertArtifacts(tx, run.id, stored);
    return true;
  });
}

/** The blob keys of a run's recorded artifacts. */
export async function artifactKeysOf(db: Db, runId: string): Promise<string[]> {
  const rows = await db
    .select({ key: artifacts.storageKey })
    .from(artifacts)
    .where(eq(artifacts.runId, runId));
  return rows.map((row) => row.key);
}

export async function insertMetrics(db: Db, run: ClaimedRun, events: readonly MetricEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(metrics).values(
    events.map((event) => ({
      runId: run.id,
      versionId: run.versionId,
      nodeId: event.node,
      name: event.name,
      value: event.value,
      split: event.split,
      step: event.step,
    })),
  );
}

export interface StoredArtifact {
  nodeId: string | null;
  kind: string;
  name: string;
  size: number;
  storageKey: string;
}

export async function insertArtifacts(
  db: Db,
  runId: string,
  stored: readonly StoredArtifact[],
): Promise<void> {
  if (stored.length === 0) return;
  await db.insert(artifacts).values(stored.map((artifact) => ({ runId, ...artifact })));
}
