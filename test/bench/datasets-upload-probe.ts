/**
 * Preloaded (`node --import`) into each server process of the dataset upload bench: watches that
 * process's own event loop with `monitorEventLoopDelay` and answers the bench over the IPC channel.
 * Nothing in the server knows about it.
 *
 * Messages: `{probe: 'reset'}` starts a new window; `{probe: 'report'}` answers
 * `{probe: 'report', samples, p50, p99, max}` for the window so far, in milliseconds of lateness of
 * a `RESOLUTION_MS` timer (the histogram's values minus the timer's own period).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const RESOLUTION_MS = 10;

export interface LoopReport {
  probe: 'report';
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const late = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  process.on('message', (message: { probe?: string }) => {
    if (message?.probe === 'reset') {
      histogram.reset();
      process.send!({ probe: 'reset' });
    } else if (message?.probe === 'report') {
      const report: LoopReport = {
        probe: 'report',
        samples: histogram.count,
        p50: late(histogram.percentile(50)),
        p99: late(histogram.percentile(99)),
        max: late(histogram.max),
      };
      process.send!(report);
    }
  });
  // The channel must not keep a server alive that is asked to stop.
  process.channel?.unref();
}
