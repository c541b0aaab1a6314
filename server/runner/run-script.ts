/**
 * Executing one script in a fresh directory: write it, start Python in the sandbox, stream its
 * stdout/stderr and report events into the run's log and live state, stop it on cancel, timeout
 * or shutdown, and decide how it ended. Knows nothing of queues or versions (execute-run.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BlobStore } from '../blobs/blob-store.ts';
import { type CollectedArtifacts, collectArtifacts } from './artifacts.ts';
import { LineSplitter } from './line-splitter.ts';
import { parseReportEvent, type ReportEvent } from './report-events.ts';
import { ReportTail } from './report-tail.ts';
import { type ResolvedDataset, releaseDatasets, stageDatasets } from './run-datasets.ts';
import { HIGH_WATER_LINES, type RunLog } from './run-log.ts';
import { decideOutcome, type RunOutcome, type StopReason } from './run-outcome.ts';
import type { RunPresence } from './run-presence.ts';
import { type ProcessEnd, startProcess } from './run-process.ts';
import type { Sandbox } from './sandbox.ts';

export const SCRIPT_NAME = 'pipeline.py';
const REPORT_NAME = 'report.jsonl';
const OUTPUT_DIR = 'output';
/** stderr lines kept in memory to name the exception a failed run died of. */
const STDERR_TAIL_LINES = 30;
/** A script reporting more metrics than this is misbehaving; the rest are ignored. */
const METRICS_PER_RUN_MAX = 10_000;
const ARTIFACT_EVENTS_MAX = 100;

export interface ScriptLimits {
  timeoutMs: number;
  memoryLimitMb: number;
  /** BLAS/OpenMP threads per run, so concurrent runs do not oversubscribe the cores. */
  threads: number;
}

export interface ScriptRun {
  runId: string;
  code: string;
  sandbox: Sandbox;
  limits: ScriptLimits;
  log: RunLog;
  presence: RunPresence;
  blobs: BlobStore;
  /** Uploaded datasets the script reads, copied read-only into its directory (run-datasets.ts). */
  datasets?: readonly ResolvedDataset[];
  /** Aborted with a `StopReason` ('cancel', 'shutdown', 'lost_claim') to stop the process. */
  stop: AbortSignal;
}

export type MetricEvent = Extract<ReportEvent, { type: 'metric' }>;

export interface ScriptResult {
  outcome: RunOutcome;
  metrics: MetricEvent[];
  artifacts: CollectedArtifacts;
}

export async function runScript(run: ScriptRun): Promise<ScriptResult> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'dominoml-run-'));
  try {
    return await runIn(workDir, run);
  } finally {
    await releaseDatasets(workDir);
    await rm(workDir, { recursive: true, force: true });
  }
}

async function runIn(workDir: string, run: ScriptRun): Promise<ScriptResult> {
  const script = path.join(workDir, SCRIPT_NAME);
  const reportFile = path.join(workDir, REPORT_NAME);
  await writeFile(script, run.code, { mode: 0o644 });
  await writeFile(reportFile, '', { mode: 0o644 });
  await mkdir(path.join(workDir, OUTPUT_DIR));
  await mkdir(path.join(workDir, 'tmp'));
  await run.sandbox.prepareWorkDir(workDir);
  const { log, presence } = run;
  // After prepareWorkDir: the inputs stay the worker's, read-only for the sandboxed user.
  const inputs = await stageDatasets(run.blobs, workDir, run.datasets ?? []);
  if (!inputs.ok) {
    return {
      outcome: { status: 'failed', exitCode: null, error: inputs.error },
      metrics: [],
      artifacts: { stored: [], skipped: [] },
    };
  }
  for (const note of inputs.staged.notes) log.system(note);

  const metrics: MetricEvent[] = [];
  const artifactEvents: Extract<ReportEvent, { type: 'artifact' }>[] = [];
  const stderrTail: string[] = [];
  const stdout = new LineSplitter();
  const stderr = new LineSplitter();
  const onStderrLine = (line: string) => {
    log.append('stderr', line);
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
  };
  const report = new ReportTail(reportFile, (line) => {
    log.append('report', line);
    const event = parseReportEvent(line);
    if (!event) return;
    switch (event.type) {
      case 'progress':
        presence.update({ node: event.node, progress: { done: event.done, total: event.total } });
        break;
      case 'metric':
        if (metrics.length < METRICS_PER_RUN_MAX) metrics.push(event);
        break;
      case 'artifact':
        if (artifactEvents.length < ARTIFACT_EVENTS_MAX) artifactEvents.push(event);
        break;
    }
  });

  const { file, args } = run.sandbox.command(workDir, [script], inputs.staged.readOnlyPaths);
  const child = startProcess({
    file,
    args,
    cwd: workDir,
    env: { ...scriptEnvironment(workDir, reportFile, run.limits.threads), ...inputs.staged.env },
    onStdout: (chunk) => {
      for (const line of stdout.push(chunk)) log.append('stdout', line);
      if (log.backlog >= HIGH_WATER_LINES) child.pause();
    },
    onStderr: (chunk) => {
      for (const line of stderr.push(chunk)) onStderrLine(line);
      if (log.backlog >= HIGH_WATER_LINES) child.pause();
    },
  });
  // Named in the log: operators (and tests) can check that nothing of the group outlives the run.
  if (child.pid !== undefined) log.system(`Python started (process group ${child.pid}).`);
  const resume = () => child.resume();
  log.onDrain = resume;
  report.start();

  let stopReason: StopReason = null;
  const stopWith = (reason: StopReason) => {
    stopReason ??= reason;
    child.stop();
  };
  const timeout = setTimeout(() => stopWith('timeout'), run.limits.timeoutMs);
  const onStop = () => stopWith(run.stop.reason as StopReason);
  if (run.stop.aborted) onStop();
  else run.stop.addEventListener('abort', onStop, { once: true });

  let end: ProcessEnd;
  try {
    end = await child.ended;
  } finally {
    clearTimeout(timeout);
    run.stop.removeEventListener('abort', onStop);
    log.onDrain = undefined;
  }
  for (const line of stdout.end()) log.append('stdout', line);
  for (const line of stderr.end()) onStderrLine(line);
  await report.stop();

  const outcome = decideOutcome({
    end,
    stopReason,
    stderrTail,
    timeoutMs: run.limits.timeoutMs,
    memoryLimitMb: run.limits.memoryLimitMb,
  });
  const artifacts =
    outcome.status === 'succeeded'
      ? await collectArtifacts(run.blobs, run.runId, workDir, artifactEvents)
      : { stored: [], skipped: [] };
  return { outcome, metrics, artifacts };
}

/**
 * Nothing is inherited from the worker (no secrets, no DATABASE_URL): only what Python needs, the
 * run protocol's paths, and thread caps (plus `DOMINOML_DATASET_<ID>` per dataset, run-datasets.ts).
 */
export function scriptEnvironment(workDir: string, reportFile: string, threads: number): NodeJS.ProcessEnv {
  const cap = String(threads);
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: workDir,
    TMPDIR: path.join(workDir, 'tmp'),
    LANG: 'C.UTF-8',
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONNOUSERSITE: '1',
    PYTHONHASHSEED: '0',
    MPLBACKEND: 'Agg',
    DOMINOML_REPORT: reportFile,
    DOMINOML_OUTPUT_DIR: path.join(workDir, OUTPUT_DIR),
    OMP_NUM_THREADS: cap,
    OPENBLAS_NUM_THREADS: cap,
    MKL_NUM_THREADS: cap,
    NUMEXPR_NUM_THREADS: cap,
  };
}
