/**
 * One queued run, start to end: claim it, regenerate its code from the version's stored graph with
 * the shared generator (never text a client sent), run it, store metrics and artifacts, record how
 * it ended. Never throws for a run's own failure; it throws only when the database cannot record
 * the end, and then the queue's dead-letter reconciler fails the run later.
 */
import type { RunAction } from '../../shared/api/notifications.ts';
import { catalog } from '../../shared/catalog/index.ts';
import { generatePython } from '../../shared/codegen/index.ts';
import type { RunTailLine } from '../../shared/doc/awareness.ts';
import { validateGraph } from '../../shared/validation/index.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { deleteBlobs } from '../runs/run-blobs.ts';
import { describeDatabaseFailure, isConnectionError, retryWhileUnreachable } from './database-retry.ts';
import { resolveRunDatasets } from './run-datasets.ts';
import { type LogLine, RunLog } from './run-log.ts';
import { describeOutcome, type RunOutcome } from './run-outcome.ts';
import type { RunnerPresence, RunPresence } from './run-presence.ts';
import { runScript, type ScriptLimits, type ScriptResult } from './run-script.ts';
import {
  artifactKeysOf,
  type ClaimedRun,
  claimRun,
  insertLogLines,
  loadRunInput,
  recordRunEnd,
  refreshRun,
  type StoredArtifact,
} from './run-store.ts';
import type { PythonCheck, Sandbox } from './sandbox.ts';

/** How often a running run's row is refreshed (heartbeat time and log counters for the API). */
export const RUN_REFRESH_MS = 1_000;

export interface RunnerEnvironment {
  db: Db;
  logger: Logger;
  blobs: BlobStore;
  presence: RunnerPresence;
  sandbox: Sandbox;
  python: PythonCheck;
  limits: ScriptLimits;
  logMaxBytes: number;
  /** `host:pid`, stored on the runs it executes. */
  worker: string;
  /** Tells the pipeline's open connections that a run changed (record notification), if it can. */
  announce(run: ClaimedRun, action: RunAction): void;
}

export interface ExecuteOptions {
  /**
   * Benchmarks only (test/bench/runner.ts): execute this text instead of the version's generated
   * code. Nothing reachable from the API sets it.
   */
  codeOverride?: string;
}

export async function executeRun(
  env: RunnerEnvironment,
  runId: string,
  stop: AbortSignal,
  options: ExecuteOptions = {},
): Promise<void> {
  const run = await claimRun(env.db, runId, env.worker);
  if (!run) {
    env.logger.debug({ runId }, 'run is no longer queued; skipped');
    return;
  }
  env.announce(run, 'started');
  const startedAt = Date.now();
  const presence = env.presence.open(run.pipelineId, run.id, {
    status: 'running',
    node: null,
    progress: { done: 0, total: 0 },
    tail: [],
  });
  const log = new RunLog({
    maxBytes: env.logMaxBytes,
    persist: (lines) => insertLogLines(env.db, run.id, lines),
    onPersisted: (lines) => presence.appendTail(lines.map(toTailLine)),
  });
  // Once per outage in the log, not every second.
  let refreshFailing = false;
  const refresh = setInterval(() => {
    refreshRun(env.db, run.id, { lines: log.lines, bytes: log.bytes, truncated: log.truncated }).then(
      () => {
        if (refreshFailing) env.logger.info({ runId }, 'refreshing the running run works again');
        refreshFailing = false;
      },
      (error: unknown) => {
        if (!refreshFailing)
          env.logger.warn({ err: error, runId }, 'refreshing a running run failed; retrying');
        refreshFailing = true;
      },
    );
  }, RUN_REFRESH_MS);

  let result: ClaimedResult;
  try {
    result = await executeClaimed(env, run, log, presence, stop, options);
  } catch (error) {
    env.logger.error({ err: error, runId }, 'run failed inside the runner');
    const reason = isConnectionError(error)
      ? describeDatabaseFailure(error)
      : `The runner failed: ${messageOf(error)}`;
    result = { outcome: { status: 'failed', exitCode: null, error: reason }, metrics: [], artifacts: [] };
  } finally {
    clearInterval(refresh);
  }
  let { outcome } = result;
  try {
    log.system(describeOutcome(outcome, Date.now() - startedAt));
    await log.flush();
    if (log.failure) {
      outcome = {
        status: 'failed',
        exitCode: outcome.exitCode,
        error: isConnectionError(log.failure)
          ? describeDatabaseFailure(log.failure)
          : `The run's log could not be stored: ${log.failure.message}`,
      };
    }
    const stats = { lines: log.lines, bytes: log.bytes, truncated: log.truncated };
    // A database that is briefly away (a restart) must not cost the run its result.
    const recorded = await retryWhileUnreachable(
      () => recordRunEnd(env.db, run, outcome, stats, result.metrics, result.artifacts),
      {
        onRetry: (error) =>
          env.logger.warn(
            { err: error, runId },
            'recording the end of a run: database unreachable, retrying',
          ),
      },
    );
    if (!recorded) {
      env.logger.warn({ runId }, 'run was ended by someone else while it ran (reconciler), or deleted');
      await dropUnrecordedArtifacts(env, run.id, result.artifacts);
    }
  } finally {
    presence.finish(outcome.status);
    env.announce(run, 'finished');
  }
}

/** What a run produced, recorded together with its end (run-store.ts `recordRunEnd`). */
interface ClaimedResult {
  outcome: RunOutcome;
  metrics: ScriptResult['metrics'];
  artifacts: StoredArtifact[];
}

async function executeClaimed(
  env: RunnerEnvironment,
  run: ClaimedRun,
  log: RunLog,
  presence: RunPresence,
  stop: AbortSignal,
  options: ExecuteOptions,
): Promise<ClaimedResult> {
  const refuse = (error: string): ClaimedResult => ({
    outcome: { status: 'failed', exitCode: null, error },
    metrics: [],
    artifacts: [],
  });
  if (env.python.problem) return refuse(env.python.problem);
  if (env.sandbox.problem) return refuse(env.sandbox.problem);
  const input = await loadRunInput(env.db, run);
  if (!input) return refuse('The version was deleted before the run started.');
  const datasets = await resolveRunDatasets(env.db, run.pipelineId, input.graph);
  if (!datasets.ok) return refuse(datasets.error);
  let code = options.codeOverride;
  if (code === undefined) {
    const errors = validateGraph(input.graph, catalog, { datasets: datasets.facts }).filter(
      (problem) => problem.severity === 'error',
    );
    if (errors.length > 0) {
      const first = errors[0]!;
      return refuse(
        `The version has ${errors.length} validation problem${errors.length === 1 ? '' : 's'} (first: ${first.message} ${first.fix}). Fix them and run again.`,
      );
    }
    code = generatePython(input.graph, undefined, { title: input.title }).code;
  }
  log.system(
    `Running version ${input.versionNumber} on ${env.worker} with Python ${env.python.version ?? '?'} (${sandboxDescription(env.sandbox)}).`,
  );
  const result: ScriptResult = await runScript({
    runId: run.id,
    code,
    sandbox: env.sandbox,
    limits: env.limits,
    log,
    presence,
    blobs: env.blobs,
    datasets: datasets.datasets,
    stop,
  });
  for (const line of result.artifacts.skipped) log.system(line);
  for (const artifact of result.artifacts.stored) log.system(`Saved ${artifact.kind}: ${artifact.name}.`);
  return { outcome: result.outcome, metrics: result.metrics, artifacts: result.artifacts.stored };
}

/**
 * The run's end was not recorded by this worker (the reconciler ended it, or its pipeline or
 * version was deleted while it ran): blobs no artifact row points at are removed (runs/run-blobs.ts).
 */
async function dropUnrecordedArtifacts(
  env: RunnerEnvironment,
  runId: string,
  stored: readonly StoredArtifact[],
): Promise<void> {
  if (stored.length === 0) return;
  const kept = new Set(await retryWhileUnreachable(() => artifactKeysOf(env.db, runId)));
  const orphans = stored.map((artifact) => artifact.storageKey).filter((key) => !kept.has(key));
  await deleteBlobs(env.blobs, orphans, env.logger);
}

function sandboxDescription(sandbox: Sandbox): string {
  const user = sandbox.dropPrivileges ? ', as nobody' : '';
  return sandbox.kind === 'bwrap' ? `sandboxed: no network${user}` : `not sandboxed${user}`;
}

function toTailLine(line: LogLine): RunTailLine {
  return { seq: line.seq, stream: line.stream, text: line.text };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
