/**
 * Awareness states (ARCHITECTURE §3): what each client announces about itself, outside the
 * document. People announce cursor, selection and the drag in progress (positions travel here
 * during a drag and reach the document once, when it ends). Runners announce the runs they
 * execute, with a bounded tail of log lines (awareness collapses rapid updates to the latest, so
 * a single line per update would skip lines).
 *
 * States of other clients arrive from the network: read them with `readPersonAwareness` /
 * `readRunnerAwareness`, which return null for anything malformed instead of trusting a cast.
 */
import { assertNever } from './assert-never.ts';
import { isPlainObject } from './json.ts';

export interface CanvasPoint {
  x: number;
  y: number;
}

export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

export interface PersonAwareness {
  user: AwarenessUser;
  /** Canvas coordinates; null when the pointer is off the canvas. */
  cursor: CanvasPoint | null;
  /** Selected node ids. */
  selection: string[];
  /** The node being dragged and where it is now. */
  drag: { nodeId: string; x: number; y: number } | null;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timed_out';

/**
 * Where a run's log line came from: the script's output, a report event of the run protocol
 * (ARCHITECTURE §6, one JSON line), or the runner itself (start, truncation, how it ended).
 */
export type LogStream = 'stdout' | 'stderr' | 'report' | 'system';

export const LOG_STREAMS: readonly LogStream[] = ['stdout', 'stderr', 'report', 'system'];

export interface RunTailLine {
  /** Position in the run's full log (persisted in `run_logs`), so a view can fetch what it missed. */
  seq: number;
  stream: LogStream;
  text: string;
}

export interface RunAwareness {
  status: RunStatus;
  /** The node executing now, if known. */
  node: string | null;
  progress: { done: number; total: number };
  tail: RunTailLine[];
}

export interface RunnerAwareness {
  runs: Record<string, RunAwareness>;
}

/** How many recent lines a run's awareness carries. */
export const RUN_TAIL_LINES = 50;

const RUN_STATUSES: readonly RunStatus[] = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
];

export function isRunFinished(status: RunStatus): boolean {
  switch (status) {
    case 'queued':
    case 'running':
      return false;
    case 'succeeded':
    case 'failed':
    case 'cancelled':
    case 'timed_out':
      return true;
    default:
      return assertNever(status);
  }
}

/** The last `limit` lines of `tail` followed by `lines` (a new array). */
export function appendToTail(
  tail: readonly RunTailLine[],
  lines: readonly RunTailLine[],
  limit = RUN_TAIL_LINES,
): RunTailLine[] {
  return [...tail, ...lines].slice(-limit);
}

export function readPersonAwareness(state: unknown): PersonAwareness | null {
  if (!isPlainObject(state)) return null;
  const { user, cursor, selection, drag } = state;
  if (!isPlainObject(user)) return null;
  const { id, name, color } = user;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  const point = readPoint(cursor);
  if (cursor !== null && cursor !== undefined && !point) return null;
  if (!Array.isArray(selection) || !selection.every((nodeId) => typeof nodeId === 'string')) return null;
  let dragState: PersonAwareness['drag'] = null;
  if (drag !== null && drag !== undefined) {
    const dragPoint = readPoint(drag);
    if (!isPlainObject(drag) || typeof drag.nodeId !== 'string' || !dragPoint) return null;
    dragState = { nodeId: drag.nodeId, ...dragPoint };
  }
  return { user: { id, name, color }, cursor: point, selection: [...selection], drag: dragState };
}

export function readRunnerAwareness(state: unknown): RunnerAwareness | null {
  if (!isPlainObject(state) || !isPlainObject(state.runs)) return null;
  const runs: Record<string, RunAwareness> = {};
  for (const [runId, raw] of Object.entries(state.runs)) {
    const run = readRun(raw);
    if (!run) return null;
    // defineProperty, not assignment: a run id of "__proto__" must stay an ordinary key.
    Object.defineProperty(runs, runId, { value: run, enumerable: true, writable: true, configurable: true });
  }
  return { runs };
}

function readRun(raw: unknown): RunAwareness | null {
  if (!isPlainObject(raw)) return null;
  const { status, node, progress, tail } = raw;
  if (!RUN_STATUSES.includes(status as RunStatus)) return null;
  if (node !== null && typeof node !== 'string') return null;
  if (!isPlainObject(progress) || !isCount(progress.done) || !isCount(progress.total)) return null;
  if (!Array.isArray(tail)) return null;
  const lines: RunTailLine[] = [];
  for (const line of tail) {
    if (!isPlainObject(line) || !isCount(line.seq) || typeof line.text !== 'string') return null;
    if (!LOG_STREAMS.includes(line.stream as LogStream)) return null;
    lines.push({ seq: line.seq, stream: line.stream as LogStream, text: line.text });
  }
  return {
    status: status as RunStatus,
    node,
    progress: { done: progress.done, total: progress.total },
    tail: lines,
  };
}

function readPoint(value: unknown): CanvasPoint | null {
  if (!isPlainObject(value)) return null;
  const { x, y } = value;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y)
    ? { x, y }
    : null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
