/** The progress of an export download: a bar (indeterminate until the size is known) and Cancel. */
import { Show } from 'solid-js';
import type { ExportState } from './create-export.ts';
import { X } from './icons.ts';

const KIB = 1024;

export function ExportProgress(props: { state: ExportState; onCancel(): void }) {
  const fraction = () => {
    const { received, total } = props.state.progress;
    return total ? Math.min(1, received / total) : null;
  };
  const text = () => {
    const percent = fraction();
    const size = `${Math.max(1, Math.round(props.state.progress.received / KIB))} KiB`;
    return percent === null ? `${size} received` : `${Math.round(percent * 100)} %`;
  };
  return (
    <div class="export-progress">
      <span class="export-progress__label">Exporting {props.state.label}…</span>
      <Show
        when={fraction() !== null}
        fallback={<progress class="export-progress__bar" aria-label={`Exporting ${props.state.label}`} />}
      >
        <progress
          class="export-progress__bar"
          aria-label={`Exporting ${props.state.label}`}
          max={1}
          value={fraction() ?? 0}
        />
      </Show>
      <span class="export-progress__text">{text()}</span>
      <button
        type="button"
        class="icon-button icon-button--small"
        aria-label={`Cancel exporting the ${props.state.label}`}
        onClick={() => props.onCancel()}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
