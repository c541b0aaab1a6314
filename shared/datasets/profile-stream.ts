/**
 * The whole streaming path in one call: chunks (bytes, or already decoded text) → decoder →
 * CSV parser → profiler. Used by the dataset worker in the browser and by the server; nothing
 * here holds more than one chunk and one record.
 */
import {
  type CsvError,
  createCsvParser,
  createStreamingDecoder,
  type Delimiter,
  isCsvFailure,
} from './csv/index.ts';
import { createProfiler, type DatasetProfile } from './profile/index.ts';

export interface ProfileStreamOptions {
  /** Field separator; detected when absent. */
  delimiter?: Delimiter;
  /** Longest record accepted, in characters (default DEFAULT_MAX_RECORD_CHARS). */
  maxRecordChars?: number;
}

export type ProfileResult = { ok: true; profile: DatasetProfile } | { ok: false; error: CsvError };

/** Called after each chunk with the bytes (or characters, for text chunks) consumed so far. */
export type ChunkProgress = (done: number) => void;

export async function profileStream(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ProfileStreamOptions = {},
  onChunk?: ChunkProgress,
): Promise<ProfileResult> {
  const profiler = createProfiler();
  const parser = createCsvParser({
    delimiter: options.delimiter,
    maxRecordChars: options.maxRecordChars,
    onHeader: (columns, delimiter) => profiler.header(columns, delimiter),
    onRow: (fields) => profiler.row(fields),
  });
  const decoder = createStreamingDecoder(() => parser.line);
  let done = 0;
  let sawBytes = false;
  try {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        parser.push(chunk);
      } else {
        sawBytes = true;
        parser.push(decoder.push(chunk));
      }
      done += chunk.length;
      onChunk?.(done);
    }
    if (sawBytes) parser.push(decoder.end());
    parser.end();
  } catch (error) {
    if (isCsvFailure(error)) return { ok: false, error: error.error };
    throw error;
  }
  return { ok: true, profile: profiler.finish(sawBytes ? decoder.encoding : null) };
}
