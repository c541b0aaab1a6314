/**
 * `createExport(pipelineId)`: one download at a time, with progress that shows once it has taken
 * longer than a glance (UI.md: progress for anything over half a second) and at once for the zip.
 * Failures are reported through `onError`; a download still running when the panel goes away is
 * cancelled.
 */
import { type Accessor, createSignal, onCleanup } from 'solid-js';
import { describeError } from '../api/errors.ts';
import { type DownloadProgress, fetchExport, saveFile } from './download-export.ts';
import { EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';

/** Quick downloads finish without a progress bar flashing up. */
export const PROGRESS_DELAY_MS = 500;

export interface ExportState {
  format: ExportFormat;
  label: string;
  progress: DownloadProgress;
  /** Whether the progress bar is shown yet. */
  visible: boolean;
}

export interface Export {
  state: Accessor<ExportState | null>;
  start(format: ExportFormat): Promise<void>;
  cancel(): void;
}

export function createExport(
  pipelineId: string,
  handlers: { onSaved(name: string): void; onError(message: string): void },
): Export {
  const [state, setState] = createSignal<ExportState | null>(null);
  let controller: AbortController | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;

  const finish = () => {
    clearTimeout(showTimer);
    controller = null;
    setState(null);
  };

  const start = async (format: ExportFormat) => {
    if (controller) return;
    const current = new AbortController();
    controller = current;
    const label = EXPORT_FORMATS.find((spec) => spec.format === format)?.label ?? format;
    setState({ format, label, progress: { received: 0, total: null }, visible: format === 'docker' });
    showTimer = setTimeout(() => setState((s) => s && { ...s, visible: true }), PROGRESS_DELAY_MS);
    try {
      const file = await fetchExport(
        pipelineId,
        format,
        (progress) => setState((s) => s && { ...s, progress }),
        current.signal,
      );
      if (current.signal.aborted) return;
      saveFile(file);
      handlers.onSaved(file.name);
    } catch (error) {
      if (!current.signal.aborted)
        handlers.onError(`Could not export the ${label.toLowerCase()}: ${describeError(error)}`);
    } finally {
      if (controller === current) finish();
    }
  };

  const cancel = () => {
    controller?.abort();
    finish();
  };
  onCleanup(cancel);

  return { state, start, cancel };
}
