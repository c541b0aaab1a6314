/**
 * What the dataset worker offers, as plain functions (the worker file only exposes them): a file
 * streamed through decoder → CSV parser → profiler, with progress, then suggestions from the
 * profile. Nothing holds the whole file: `Blob.stream()` hands over chunks as they are read.
 */
import type { CsvError } from '../shared/datasets/csv/index.ts';
import type { DatasetProfile } from '../shared/datasets/profile/index.ts';
import { type ProfileStreamOptions, profileStream } from '../shared/datasets/profile-stream.ts';
import { type NodeSuggestion, suggestFromProfile } from '../shared/datasets/suggest/index.ts';

/** Progress is reported at most this often in bytes (and always at the end), to keep messages few. */
export const PROGRESS_STEP_BYTES = 1024 * 1024;

export type ProfileFileOptions = ProfileStreamOptions;

export interface ProfileProgress {
  bytesDone: number;
  bytesTotal: number;
}

export type ProfileFileResult =
  | { ok: true; profile: DatasetProfile; suggestions: NodeSuggestion[] }
  | { ok: false; error: CsvError };

/** Reads a web stream chunk by chunk (async iteration of ReadableStream is missing in Safari). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export const datasetApi = {
  async profileFile(
    file: Blob,
    options: ProfileFileOptions = {},
    onProgress?: (progress: ProfileProgress) => void,
  ): Promise<ProfileFileResult> {
    const bytesTotal = file.size;
    let reported = 0;
    const result = await profileStream(chunksOf(file.stream()), options, (bytesDone) => {
      if (bytesDone - reported < PROGRESS_STEP_BYTES && bytesDone < bytesTotal) return;
      reported = bytesDone;
      onProgress?.({ bytesDone, bytesTotal });
    });
    if (!result.ok) return result;
    return { ok: true, profile: result.profile, suggestions: suggestFromProfile(result.profile) };
  },
};

export type DatasetApi = typeof datasetApi;
