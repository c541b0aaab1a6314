/**
 * Reading runs as the API shows them: summaries with their version and key metrics (one query
 * each for a whole page), details with artifacts, log pages by sequence number, and metrics per
 * run and per version.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type {
  RunArtifact,
  RunDetail,
  RunLogLine,
  RunLogPage,
  RunMetric,
  RunSummary,
  VersionMetrics,
} from '../../shared/api/runs.ts';
import type { MemberRole } from '../../shared/api/schemas.ts';
import type { Page } from '../../shared/api/types.ts';
import { isRunFinished, type RunStatus } from '../../shared/doc/awareness.ts';
import type { Db } from '../db/database.ts';
import { artifacts, metrics, pipelineMembers, runLogs, runs, users, versions } from '../db/schema.ts';
import { isUuid } from '../pipelines/access.ts';
import { iso, personRef } from '../versions/person.ts';

/** What access checks and run changes need to know about a run. */
export interface RunRef {
  id: string;
  pipelineId: string;
  versionId: string;
  status: RunStatus;
  jobId: string | null;
}

const runRefColumns = {
  id: runs.id,
  pipelineId: runs.pipelineId,
  versionId: runs.versionId,
  status: runs.status,
  jobId: runs.jobId,
};

/** The run and the user's role on its pipeline; null when either is missing (indistinguishable). */
export async function findRunForUser(
  db: Db,
  runId: string,
  userId: string,
): Promise<{ run: RunRef; role: MemberRole } | null> {
  if (!isUuid(runId) || !isUuid(userId)) return null;
  const [row] = await db
    .select({ ...runRefColumns, role: pipelineMembers.role })
    .from(runs)
    .innerJoin(
      pipelineMembers,
      and(eq(pipelineMembers.pipelineId, runs.pipelineId), eq(pipelineMembers.userId, userId)),
    )
    .where(eq(runs.id, runId))
    .limit(1);
  if (!row) return null;
  const { role, ...run } = row;
  return { run, role };
}

export async function findRunRef(db: Db, runId: string): Promise<RunRef | null> {
  const [row] = await db.select(runRefColumns).from(runs).where(eq(runs.id, runId));
  return row ?? null;
}

function selectSummaries(db: Db) {
  return db
    .select({
      run: runs,
      versionNumber: versions.number,
      versionName: versions.name,
      authorId: users.id,
      authorName: users.username,
    })
    .from(runs)
    .innerJoin(versions, eq(versions.id, runs.versionId))
    .leftJoin(users, eq(users.id, runs.createdBy));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number];

export async function listRuns(
  db: Db,
  pipelineId: string,
  page: { limit: number; offset: number },
): Promise<Page<RunSummary>> {
  const [rows, [counted]] = await Promise.all([
    selectSummaries(db)
      .where(eq(runs.pipelineId, pipelineId))
      .orderBy(desc(runs.createdAt), desc(runs.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(runs).where(eq(runs.pipelineId, pipelineId)),
  ]);
  return { items: await withMetrics(db, rows), total: counted?.total ?? 0, ...page };
}

export async function getRunSummary(db: Db, runId: string): Promise<RunSummary | null> {
  const rows = await selectSummaries(db).where(eq(runs.id, runId));
  const [summary] = await withMetrics(db, rows);
  return summary ?? null;
}

export async function getRunDetail(db: Db, runId: string): Promise<RunDetail | null> {
  const rows = await selectSummaries(db).where(eq(runs.id, runId));
  const row = rows[0];
  if (!row) return null;
  const [[summary], files] = await Promise.all([withMetrics(db, rows), listArtifacts(db, runId)]);
  return { ...summary!, artifacts: files, cancelRequestedAt: iso(row.run.cancelRequestedAt) };
}

export async function readRunLogs(
  db: Db,
  run: RunRef,
  query: { after: number; limit: number },
): Promise<RunLogPage> {
  const rows = await db
    .select({ seq: runLogs.seq, stream: runLogs.stream, time: runLogs.time, text: runLogs.text })
    .from(runLogs)
    .where(and(eq(runLogs.runId, run.id), gt(runLogs.seq, query.after)))
    .orderBy(asc(runLogs.seq))
    .limit(query.limit);
  const lines: RunLogLine[] = rows.map((row) => ({ ...row, time: row.time.toISOString() }));
  const nextAfter = lines.at(-1)?.seq ?? query.after;
  // "Complete" only from a finished run's status read before the lines: no line can follow it.
  return { lines, nextAfter, complete: isRunFinished(run.status) && lines.length < query.limit };
}

export async function runMetrics(db: Db, runId: string): Promise<RunMetric[]> {
  const rows = await db
    .select(metricColumns)
    .from(metrics)
    .where(eq(metrics.runId, runId))
    .orderBy(asc(metrics.id));
  return rows;
}

export async function versionMetrics(db: Db, versionId: string): Promise<VersionMetrics> {
  const [versionRuns, rows] = await Promise.all([
    db
      .select({ id: runs.id, status: runs.status, createdAt: runs.createdAt, finishedAt: runs.finishedAt })
      .from(runs)
      .where(eq(runs.versionId, versionId))
      .orderBy(desc(runs.createdAt), desc(runs.id)),
    db
      .select({ runId: metrics.runId, ...metricColumns })
      .from(metrics)
      .where(eq(metrics.versionId, versionId))
      .orderBy(asc(metrics.id)),
  ]);
  const byRun = groupBy(rows, (row) => row.runId);
  return {
    versionId,
    runs: versionRuns.map((run) => ({
      run: {
        id: run.id,
        status: run.status,
        createdAt: run.createdAt.toISOString(),
        finishedAt: iso(run.finishedAt),
      },
      metrics: (byRun.get(run.id) ?? []).map(({ runId: _runId, ...metric }) => metric),
    })),
  };
}

export async function findArtifact(
  db: Db,
  runId: string,
  artifactId: string,
): Promise<{ name: string; kind: string; storageKey: string } | null> {
  if (!isUuid(artifactId)) return null;
  const [row] = await db
    .select({ name: artifacts.name, kind: artifacts.kind, storageKey: artifacts.storageKey })
    .from(artifacts)
    .where(and(eq(artifacts.id, artifactId), eq(artifacts.runId, runId)));
  return row ?? null;
}

const metricColumns = {
  nodeId: metrics.nodeId,
  name: metrics.name,
  value: metrics.value,
  split: metrics.split,
  step: metrics.step,
};

async function listArtifacts(db: Db, runId: string): Promise<RunArtifact[]> {
  const rows = await db
    .select({
      id: artifacts.id,
      nodeId: artifacts.nodeId,
      kind: artifacts.kind,
      name: artifacts.name,
      size: artifacts.size,
    })
    .from(artifacts)
    .where(eq(artifacts.runId, runId))
    .orderBy(asc(artifacts.createdAt), asc(artifacts.name));
  return rows.map((row) => ({ ...row, downloadUrl: `/api/runs/${runId}/artifacts/${row.id}` }));
}

/** Final metric values (no steps) of a page of runs: one query, not one per run. */
async function withMetrics(db: Db, rows: readonly SummaryRow[]): Promise<RunSummary[]> {
  if (rows.length === 0) return [];
  const found = await db
    .select({ runId: metrics.runId, ...metricColumns })
    .from(metrics)
    .where(
      and(
        inArray(
          metrics.runId,
          rows.map((row) => row.run.id),
        ),
        isNull(metrics.step),
      ),
    )
    .orderBy(asc(metrics.id));
  const byRun = groupBy(found, (metric) => metric.runId);
  const now = Date.now();
  return rows.map(({ run, versionNumber, versionName, authorId, authorName }) => ({
    id: run.id,
    pipelineId: run.pipelineId,
    version: { id: run.versionId, number: versionNumber, name: versionName },
    status: run.status,
    exitCode: run.exitCode,
    error: run.error,
    createdBy: personRef(authorId, authorName),
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    durationMs: run.startedAt ? (run.finishedAt?.getTime() ?? now) - run.startedAt.getTime() : null,
    worker: run.worker,
    logLines: run.logLines,
    logBytes: run.logBytes,
    truncated: run.truncated,
    metrics: (byRun.get(run.id) ?? []).map(({ runId: _runId, ...metric }) => metric),
  }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
