/**
 * One upload: the file, a real progress bar (bytes sent of the total) with Cancel, then the
 * outcome — stored (with its shape and a link to the profile), cancelled, or the server's error
 * next to the file, with the line it names. The local preview's progress shows underneath.
 */
import { A } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { Spinner } from '../components/Spinner.tsx';
import { datasetPageHref } from './datasets-api.ts';
import { formatBytes, formatPercent, formatShape } from './format.ts';
import { CircleCheck, FileSpreadsheet, FileWarning, X } from './icons.ts';
import { isFinished, type UploadState, uploadFraction } from './upload-state.ts';

export interface UploadCardProps {
  upload: UploadState;
  onCancel(): void;
  onDismiss(): void;
  /** Hides the "Open profile" link (e.g. inside a dialog that acts on the upload itself). */
  hideProfileLink?: boolean;
}

/** What the error means for the person, beyond the server's sentence. */
function errorHint(status: number, code: string): string | null {
  if (status === 413 || code === 'payload_too_large') return 'Split the file or upload a sample of its rows.';
  if (status === 422 || code === 'csv_invalid')
    return 'Fix the file (or export it again as CSV) and upload it again.';
  if (status === 0 && code === 'network_error') return 'Check the connection, then upload the file again.';
  return null;
}

export function UploadCard(props: UploadCardProps) {
  const u = () => props.upload;
  const fraction = () => uploadFraction(u());
  const previewText = () => {
    const preview = u().preview;
    switch (preview.status) {
      case 'profiling':
        return `Profiling on this device… ${formatPercent(preview.total > 0 ? preview.done / preview.total : 0)}`;
      case 'ready': {
        if (u().phase === 'done') return null;
        const { rows, columns, target } = preview.profile;
        return `Preview: ${formatShape(rows, columns.length)}${target ? ` · likely target “${target.column}”` : ''}`;
      }
      case 'failed':
        return `The preview could not read the file: ${preview.error.message}`;
      case 'stopped':
        return null;
    }
  };
  return (
    <li
      class="upload-card"
      data-phase={u().phase}
      aria-label={`Upload of ${u().fileName}`}
      data-testid="upload-card"
    >
      <div class="upload-card__head">
        <span class="upload-card__icon" aria-hidden="true">
          <Switch fallback={<FileSpreadsheet size={18} />}>
            <Match when={u().phase === 'done'}>
              <CircleCheck size={18} />
            </Match>
            <Match when={u().phase === 'failed'}>
              <FileWarning size={18} />
            </Match>
          </Switch>
        </span>
        <div class="upload-card__titles">
          <span class="upload-card__file">{u().fileName}</span>
          <span class="upload-card__meta">{formatBytes(u().size)}</span>
        </div>
        <div class="upload-card__actions">
          <Show when={u().phase === 'done' && u().record && !props.hideProfileLink}>
            <A href={datasetPageHref(u().record!.id)} class="button button--secondary button--small">
              Open profile
            </A>
          </Show>
          <Show
            when={isFinished(u())}
            fallback={
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => props.onCancel()}
              >
                Cancel<span class="visually-hidden"> upload of {u().fileName}</span>
              </button>
            }
          >
            <button
              type="button"
              class="icon-button icon-button--small"
              aria-label={`Dismiss ${u().fileName}`}
              title="Dismiss"
              onClick={() => props.onDismiss()}
            >
              <X size={14} aria-hidden="true" />
            </button>
          </Show>
        </div>
      </div>

      <Show when={u().phase === 'uploading' || u().phase === 'processing'}>
        <div
          class="upload-progress"
          role="progressbar"
          aria-label={`Uploading ${u().fileName}`}
          aria-valuemin={0}
          aria-valuemax={u().total}
          aria-valuenow={u().sent}
          aria-valuetext={`${formatBytes(u().sent)} of ${formatBytes(u().total)} (${formatPercent(fraction())})`}
        >
          <span class="upload-progress__bar" style={{ width: `${fraction() * 100}%` }} />
        </div>
      </Show>

      <p class="upload-card__status" role="status">
        <Switch>
          <Match when={u().phase === 'uploading'}>
            <span>
              {formatBytes(u().sent)} of {formatBytes(u().total)} · {formatPercent(fraction())}
            </span>
          </Match>
          <Match when={u().phase === 'processing'}>
            <Spinner />
            <span>Sent; the server is reading and profiling the file…</span>
          </Match>
          <Match when={u().phase === 'done' && u().record}>
            {(record) => (
              <span>
                Uploaded as <strong>{record().name}</strong> · {formatShape(record().rows, record().columns)}
              </span>
            )}
          </Match>
          <Match when={u().phase === 'cancelled'}>
            <span>Cancelled. Nothing was stored.</span>
          </Match>
        </Switch>
      </p>

      <Show when={u().phase === 'failed' && u().error}>
        {(error) => (
          <div class="upload-card__error" role="alert">
            <p>
              <Show when={error().line !== null}>
                <span class="upload-card__line">Line {error().line}</span>{' '}
              </Show>
              {error().message}
            </p>
            <Show when={errorHint(error().status, error().code)}>
              {(hint) => <p class="upload-card__hint">{hint()} Nothing was stored.</p>}
            </Show>
          </div>
        )}
      </Show>

      <Show when={previewText()}>
        {(text) => (
          <p
            class="upload-card__preview"
            classList={{ 'upload-card__preview--failed': u().preview.status === 'failed' }}
          >
            {text()}
          </p>
        )}
      </Show>
    </li>
  );
}
