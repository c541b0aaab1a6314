/**
 * A run's progress as a bar with the step and the node executing now. `role="progressbar"` with
 * aria-valuenow/max, and aria-valuetext in words, so a screen reader hears "Step 3 of 5: Scaler".
 */
import { Show } from 'solid-js';
import type { RunAwareness } from '../../../shared/doc/awareness.ts';
import { describeProgress } from './run-status.ts';

export interface RunProgressProps {
  run: RunAwareness;
  /** The executing node's label on the canvas, when it is known. */
  nodeLabel: string | null;
  compact?: boolean;
  /** Accessible name; two bars on one page (top bar and console) need different ones. */
  label?: string;
}

export function RunProgress(props: RunProgressProps) {
  const total = () => Math.max(props.run.progress.total, 0);
  const done = () => Math.min(props.run.progress.done, total());
  const percent = () => (total() > 0 ? (done() / total()) * 100 : 0);
  const text = () =>
    props.run.status === 'queued'
      ? 'Waiting for a runner'
      : describeProgress(done(), total(), props.nodeLabel);

  return (
    <div class="run-progress" classList={{ 'run-progress--compact': props.compact === true }}>
      <div
        class="run-progress__track"
        role="progressbar"
        aria-label={props.label ?? 'Run progress'}
        aria-valuemin={0}
        aria-valuemax={total()}
        aria-valuenow={done()}
        aria-valuetext={text()}
        data-testid="run-progress"
      >
        <div
          class="run-progress__fill"
          classList={{ 'run-progress__fill--indeterminate': total() === 0 }}
          style={{ width: total() > 0 ? `${percent()}%` : undefined }}
        />
      </div>
      <Show when={!props.compact}>
        <span class="run-progress__step">{text()}</span>
      </Show>
    </div>
  );
}
