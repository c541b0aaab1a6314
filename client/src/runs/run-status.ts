/** How run statuses and durations are named to people. */
import type { RunStatus } from '../../../shared/doc/awareness.ts';

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  timed_out: 'Timed out',
};

export type StatusTone = 'busy' | 'good' | 'bad' | 'neutral';

export function statusTone(status: RunStatus): StatusTone {
  switch (status) {
    case 'queued':
    case 'running':
      return 'busy';
    case 'succeeded':
      return 'good';
    case 'failed':
    case 'timed_out':
      return 'bad';
    case 'cancelled':
      return 'neutral';
  }
}

/** "850 ms", "4.2 s", "3 min 05 s" */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** The progress as words, for the progress bar's aria-valuetext and the top bar. */
export function describeProgress(done: number, total: number, nodeLabel: string | null): string {
  if (total > 0 && done >= total) return `All ${total} steps done`;
  const steps = total > 0 ? `Step ${done + 1} of ${total}` : 'Starting';
  return nodeLabel ? `${steps}: ${nodeLabel}` : steps;
}
