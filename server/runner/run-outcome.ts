/**
 * How a run ended, decided once from what happened to its process, and the words that explain it.
 * The status machine: `queued → running → succeeded | failed | cancelled | timed_out`, and
 * `queued → cancelled | failed` for a run cancelled before it started or refused by its worker.
 */
import { assertNever } from '../../shared/doc/assert-never.ts';
import type { ProcessEnd } from './run-process.ts';

export type RunOutcome =
  | { status: 'succeeded'; exitCode: 0; error: null }
  | { status: 'failed'; exitCode: number | null; error: string }
  | { status: 'cancelled'; exitCode: number | null; error: null }
  | { status: 'timed_out'; exitCode: number | null; error: string };

/** Why the runner stopped a process itself, if it did. */
export type StopReason = 'cancel' | 'timeout' | 'shutdown' | 'lost_claim' | null;

export interface OutcomeFacts {
  end: ProcessEnd;
  stopReason: StopReason;
  /** The last lines of stderr, to name the exception. */
  stderrTail: readonly string[];
  timeoutMs: number;
  memoryLimitMb: number;
}

export function decideOutcome(facts: OutcomeFacts): RunOutcome {
  const exitCode = facts.end.kind === 'exited' ? facts.end.exitCode : null;
  switch (facts.stopReason) {
    case 'cancel':
      return { status: 'cancelled', exitCode, error: null };
    case 'timeout':
      return {
        status: 'timed_out',
        exitCode,
        error: `Stopped after the time limit of ${formatDuration(facts.timeoutMs)} (RUN_TIMEOUT_MS).`,
      };
    case 'shutdown':
      return {
        status: 'failed',
        exitCode,
        error: 'The worker shut down during the run (server stopped or restarted). Run it again.',
      };
    case 'lost_claim':
      return {
        status: 'failed',
        exitCode,
        error:
          'The worker lost its claim on the run (its heartbeats stopped reaching the database), so it stopped. Run it again.',
      };
    case null:
      return processOutcome(facts, exitCode);
    default:
      return assertNever(facts.stopReason);
  }
}

function processOutcome(facts: OutcomeFacts, exitCode: number | null): RunOutcome {
  const { end } = facts;
  switch (end.kind) {
    case 'spawn_failed':
      return { status: 'failed', exitCode: null, error: `Python could not be started: ${end.message}` };
    case 'signalled': {
      const memory =
        end.signal === 'SIGKILL' || end.signal === 'SIGSEGV'
          ? ` It may have run out of memory (limit ${facts.memoryLimitMb} MB, RUN_MEMORY_LIMIT_MB).`
          : '';
      return { status: 'failed', exitCode, error: `Python was killed by ${end.signal}.${memory}` };
    }
    case 'exited': {
      if (end.exitCode === 0) return { status: 'succeeded', exitCode: 0, error: null };
      const cause = exceptionLine(facts.stderrTail);
      if (cause && /MemoryError|Unable to allocate|Cannot allocate memory/.test(cause)) {
        return {
          status: 'failed',
          exitCode,
          error: `The run ran out of memory: ${cause} (limit ${facts.memoryLimitMb} MB, RUN_MEMORY_LIMIT_MB).`,
        };
      }
      return {
        status: 'failed',
        exitCode,
        error: cause
          ? `Python exited with code ${end.exitCode}: ${cause}`
          : `Python exited with code ${end.exitCode}.`,
      };
    }
    default:
      return assertNever(end);
  }
}

/** The line of a traceback that names the exception (its last line), or the last line there is. */
function exceptionLine(stderr: readonly string[]): string | null {
  const lines = stderr.map((line) => line.trim()).filter((line) => line !== '');
  const named = lines.findLast((line) =>
    /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b/.test(line),
  );
  const line = named ?? lines.at(-1);
  return line === undefined ? null : line.slice(0, 500);
}

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** The runner's closing line in the log. */
export function describeOutcome(outcome: RunOutcome, durationMs: number): string {
  const took = formatDuration(durationMs);
  switch (outcome.status) {
    case 'succeeded':
      return `Run succeeded in ${took}.`;
    case 'failed':
      return `Run failed after ${took}: ${outcome.error}`;
    case 'cancelled':
      return `Run cancelled after ${took}.`;
    case 'timed_out':
      return `Run timed out: ${outcome.error}`;
    default:
      return assertNever(outcome);
  }
}
