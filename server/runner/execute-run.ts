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
import { resolveRunDatasets } from './run-datasets.ts';
import { type LogLine, RunLog } from './run-log.ts';
import { describeOutcome, type RunOutcome } from './run-outcome.ts';
import type { RunnerPresence, RunPresence } from './run-presence.ts';
import { runScript, type ScriptLimits, type ScriptResult } from './run-script.ts';
import {
  type ClaimedRun,
  claimRun,
  finishRun,
  insertArtifacts,
  insertLogLines,
  insertMetrics,
  loadRunInput,
  refreshRun,
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
  const refresh = setInterval(() => {
    refreshRun(env.db, run.id, { lines: log.lines, bytes: log.bytes, truncated: log.truncated }).catch(
      (error: unknown) => env.logger.warn({ err: error, runId }, 'refreshing a running run failed'),
    );
  }, RUN_REFRESH_MS);

  let outcome: RunOutcome;
  try {
    outcome = await executeClaimed(env, run, log, presence, stop, options);
  } catch (error) {
    env.logger.error({ err: error, runId }, 'run failed inside the runner');
    outcome = { status: 'failed', exitCode: null, error: `The runner failed: ${messageOf(error)}` };
  } finally {
    clearInterval(refresh);
  }
  try {
    log.system(describeOutcome(outcome, Date.now() - startedAt));
    await log.flush();
    if (log.failure) {
      outcome = {
        status: 'failed',
        exitCode: outcome.exitCode,
        error: `The run's log could not be stored: ${log.failure.message}`,
      };
    }
    const stats = { lines: log.lines, bytes: log.bytes, truncated: log.truncated };
    if (!(await finishRun(env.db, run.id, outcome, stats))) {
      env.logger.warn({ runId }, 'run was ended by someone else while it ran (reconciler)');
    }
  } finally {
    presence.finish(outcome.status);
    env.announce(run, 'finished');
  }
}

async function executeClaimed(
  env: RunnerEnvironment,
  run: ClaimedRun,
  log: RunLog,
  presence: RunPresence,
  stop: AbortSignal,
  options: ExecuteOptions,
): Promise<RunOutcome> {
  const refuse = (error: string): RunOutcome => ({ status: 'failed', exitCode: null, error });
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
  await log.flush();
  try {
    await insertMetrics(env.db, run, result.metrics);
    await insertArtifacts(env.db, run.id, result.artifacts.stored);
  } catch (error) {
    // Typically the run is gone (its pipeline or version was deleted while it ran): no row will
    // ever point at these blobs, so they go now (runs/run-blobs.ts).
    const keys = result.artifacts.stored.map((artifact) => artifact.storageKey);
    await deleteBlobs(env.blobs, keys, env.logger);
    throw error;
  }
  for (const line of result.artifacts.skipped) log.system(line);
  for (const artifact of result.artifacts.stored) log.system(`Saved ${artifact.kind}: ${artifact.name}.`);
  return result.outcome;
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
