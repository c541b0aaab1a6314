/**
 * Downloads an export from the server (the same generator as the code panel, over the server's
 * copy of the document) with progress, then hands it to the browser as a file. Fetched rather
 * than linked so failures become a message in the app instead of an error page in a new tab.
 */
import { makeNetworkError, readErrorResponse } from '../api/errors.ts';
import { EXPORT_FORMATS, type ExportFormat, exportPath } from './export-formats.ts';

/** How long a saved file's object URL lives: the download has its own copy once it started. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Bytes received and, when the server says, the total. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

export interface DownloadedFile {
  name: string;
  blob: Blob;
}

export async function fetchExport(
  pipelineId: string,
  format: ExportFormat,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(exportPath(pipelineId, format), { credentials: 'same-origin', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw makeNetworkError();
  }
  if (!response.ok) throw await readErrorResponse(response);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const fallback = EXPORT_FORMATS.find((spec) => spec.format === format)?.fallbackName ?? 'pipeline';
  return {
    name: fileNameOf(response.headers.get('content-disposition')) ?? fallback,
    blob: new Blob(chunks as BlobPart[], { type }),
  };
}

/** The file name of a `content-disposition: attachment; filename="…"` header. */
export function fileNameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? null;
}

/** Saves a blob through a temporary download link (what every browser treats as a download). */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}
