/**
 * Experiment runs over the REST API (issue 6): request schemas and response types. A run executes
 * one version; its live state (status, current node, progress, last lines) travels in the
 * pipeline's awareness (`RunnerAwareness` in shared/doc), and everything else is read here.
 *
 * Late joiners: load `GET /api/runs/:id/logs?after=0` page by page (`nextAfter`), then follow the
 * awareness tail, taking only lines with `seq` above the last one loaded. When the first tail line's
 * `seq` is more than one past it, fetch `?after=<last>&limit=<gap>` to fill the gap: every line has
 * a consecutive `seq`, so nothing is missed or shown twice.
 */
import { z } from 'zod';
import type { LogStream, RunStatus } from '../doc/awareness.ts';
import type { PersonRef } from './types.ts';

export type { LogStream, RunStatus };

export const RUN_LIMITS = {
  runPageMax: 100,
  logPageMax: 10_000,
  logPageDefault: 1_000,
} as const;

/** `POST /api/pipelines/:id/runs`: a saved version, or (without `versionId`) the draft as it is now. */
export const runCreateSchema = z.object({
  versionId: z.uuid('versionId must be a version id').optional(),
});
export type RunCreateRequest = z.infer<typeof runCreateSchema>;

export const runListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(RUN_LIMITS.runPageMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RunListQuery = z.input<typeof runListQuerySchema>;

export const runLogsQuerySchema = z.object({
  /** Lines with a `seq` above this; 0 (the default) from the first line. */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(RUN_LIMITS.logPageMax).default(RUN_LIMITS.logPageDefault),
});
export type RunLogsQuery = z.input<typeof runLogsQuerySchema>;

export const RUN_LOG_FORMATS = ['text', 'json'] as const;
export type RunLogFormat = (typeof RUN_LOG_FORMATS)[number];

export const runLogDownloadQuerySchema = z.object({
  /** `text`: the console as a person reads it (report events left out); `json`: one JSON object per line, all streams. */
  format: z.enum(RUN_LOG_FORMATS).default('text'),
});

export interface RunVersionRef {
  id: string;
  number: number;
  name: string;
}

export interface RunMetric {
  nodeId: string | null;
  name: string;
  /** Null when the script reported a value that is not a finite number. */
  value: number | null;
  split: string | null;
  step: number | null;
}

export interface RunArtifact {
  id: string;
  nodeId: string | null;
  /** `model` (joblib), `predictions` (CSV), … as the script reported it. */
  kind: string;
  /** File name, also the download's name. */
  name: string;
  size: number;
  /** `GET` this path to download the file. */
  downloadUrl: string;
}

export interface RunSummary {
  id: string;
  pipelineId: string;
  version: RunVersionRef;
  status: RunStatus;
  /** The Python process's exit code; null before it ended or when it was killed by a signal. */
  exitCode: number | null;
  /** Why it did not succeed, in words that say what to do; null otherwise. */
  error: string | null;
  createdBy: PersonRef | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** From start to end (or to now while running); null while queued. */
  durationMs: number | null;
  /** `host:pid` of the worker that executed it. */
  worker: string | null;
  /** Lines stored so far: the last `seq`. */
  logLines: number;
  /** Bytes printed, including any past the cap. */
  logBytes: number;
  /** Output went past the log cap: a notice line marks where the stored log stops. */
  truncated: boolean;
  /** The run's metrics (final values; steps are in `GET /api/runs/:id/metrics`). */
  metrics: RunMetric[];
}

export interface RunDetail extends RunSummary {
  artifacts: RunArtifact[];
  cancelRequestedAt: string | null;
}

export interface RunLogLine {
  seq: number;
  stream: LogStream;
  /** ISO time the runner read the line. */
  time: string;
  text: string;
}

export interface RunLogPage {
  lines: RunLogLine[];
  /** Pass as `after` for the next page (the last `seq` returned, or `after` when none were). */
  nextAfter: number;
  /** The run has finished and there is nothing after `nextAfter`: stop polling. */
  complete: boolean;
}

export interface VersionRunMetrics {
  run: { id: string; status: RunStatus; createdAt: string; finishedAt: string | null };
  metrics: RunMetric[];
}

/** `GET /api/versions/:id/metrics`: every run of the version with its metrics, newest run first. */
export interface VersionMetrics {
  versionId: string;
  runs: VersionRunMetrics[];
}
