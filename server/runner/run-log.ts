/**
 * A run's log on its way to `run_logs`: every line gets the next sequence number, lines are
 * written in batches (at most `FLUSH_DELAY_MS` after they were read, or as soon as `BATCH_LINES`
 * or `BATCH_BYTES` are waiting), one batch at a time so they become visible in `seq` order, and each batch is
 * announced (`onPersisted`) only after it is stored: whatever a viewer sees live can be fetched.
 *
 * Past `maxBytes` of output one notice line is stored and further output is only counted; the
 * runner's own `system` lines (how the run ended) are always kept.
 */
import type { LogStream } from '../../shared/doc/awareness.ts';
import { isConnectionError, retryWhileUnreachable } from './database-retry.ts';
import { storableText } from './line-splitter.ts';

export const FLUSH_DELAY_MS = 25;
export const BATCH_LINES = 500;
/** Long lines make big batches: a batch also closes at this many bytes of text. */
export const BATCH_BYTES = 256 * 1024;
/** Above this many unwritten lines the process's output is paused (it blocks on a full pipe). */
export const HIGH_WATER_LINES = 5_000;
/**
 * Attempts to store one batch after an error other than a lost connection, with doubling pauses
 * from `RETRY_BASE_MS`. While the database is unreachable (a restart) a batch is retried for up to
 * `DATABASE_RETRY_MS` (database-retry.ts); meanwhile output queues up to `HIGH_WATER_LINES` and
 * then the script waits on its full pipe, so nothing is lost and memory stays bounded.
 */
const PERSIST_ATTEMPTS = 3;
const RETRY_BASE_MS = 200;

export interface LogLine {
  seq: number;
  stream: LogStream;
  time: Date;
  text: string;
}

export interface RunLogOptions {
  maxBytes: number;
  persist(lines: LogLine[]): Promise<void>;
  onPersisted(lines: LogLine[]): void;
}

export class RunLog {
  readonly #options: RunLogOptions;
  #seq = 0;
  #keptBytes = 0;
  #totalBytes = 0;
  #truncated = false;
  #pending: LogLine[] = [];
  #pendingBytes = 0;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  #failure: Error | undefined;
  /** Called when unwritten lines drop back under `HIGH_WATER_LINES` (to resume paused output). */
  onDrain: (() => void) | undefined;

  constructor(options: RunLogOptions) {
    this.#options = options;
  }

  /** The last sequence number handed out (= lines stored once flushed). */
  get lines(): number {
    return this.#seq;
  }

  /** Bytes the script printed, stored or not. */
  get bytes(): number {
    return this.#totalBytes;
  }

  get truncated(): boolean {
    return this.#truncated;
  }

  /** Lines read but not written yet. */
  get backlog(): number {
    return this.#pending.length;
  }

  /** Set when a batch could not be stored even after retries; later lines are dropped. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** A line of the script's output (or a report event). */
  append(stream: Exclude<LogStream, 'system'>, text: string): void {
    const size = Buffer.byteLength(text, 'utf8') + 1;
    this.#totalBytes += size;
    if (this.#truncated) return;
    if (this.#keptBytes + size > this.#options.maxBytes) {
      this.#truncated = true;
      this.system(
        `Log truncated: output past ${formatBytes(this.#options.maxBytes)} is not stored (RUN_LOG_MAX_BYTES). The run goes on; its total output is counted.`,
      );
      return;
    }
    this.#keptBytes += size;
    this.#add(stream, text);
  }

  /** A line from the runner itself: stored even past the cap. */
  system(text: string): void {
    this.#add('system', text);
  }

  /** Writes everything read so far; resolves when it is stored (or given up on). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#writing || this.#pending.length > 0) {
      if (!this.#writing) this.#startWriting();
      await this.#writing;
    }
  }

  #add(stream: LogStream, text: string): void {
    if (this.#failure) return;
    this.#seq += 1;
    this.#pending.push({ seq: this.#seq, stream, time: new Date(), text: storableText(text) });
    this.#pendingBytes += text.length;
    if (this.#pending.length >= BATCH_LINES || this.#pendingBytes >= BATCH_BYTES) this.#startWriting();
    else this.#timer ??= setTimeout(() => this.#startWriting(), FLUSH_DELAY_MS);
  }

  #startWriting(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#writing || this.#pending.length === 0) return;
    this.#writing = this.#writeAll().finally(() => {
      this.#writing = undefined;
      // Lines that arrived while writing and did not fill a batch still need their timer.
      if (this.#pending.length > 0) this.#timer ??= setTimeout(() => this.#startWriting(), FLUSH_DELAY_MS);
    });
  }

  async #writeAll(): Promise<void> {
    while (this.#pending.length > 0 && !this.#failure) {
      const batch = this.#takeBatch();
      const wasAboveHighWater = this.#pending.length + batch.length >= HIGH_WATER_LINES;
      try {
        await this.#persistWithRetry(batch);
      } catch (error) {
        this.#failure = error instanceof Error ? error : new Error(String(error));
        this.#pending = [];
        this.#pendingBytes = 0;
        return;
      }
      this.#options.onPersisted(batch);
      if (wasAboveHighWater && this.#pending.length < HIGH_WATER_LINES) this.onDrain?.();
    }
  }

  /** The oldest pending lines, up to `BATCH_LINES` and `BATCH_BYTES` (at least one line). */
  #takeBatch(): LogLine[] {
    let count = 0;
    let bytes = 0;
    while (count < this.#pending.length && count < BATCH_LINES) {
      bytes += this.#pending[count]!.text.length;
      if (count > 0 && bytes > BATCH_BYTES) break;
      count += 1;
    }
    const batch = this.#pending.splice(0, count);
    for (const line of batch) this.#pendingBytes -= line.text.length;
    return batch;
  }

  async #persistWithRetry(batch: LogLine[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // The insert ignores lines already stored, so a batch whose first try did commit is safe to repeat.
        await retryWhileUnreachable(() => this.#options.persist(batch));
        return;
      } catch (error) {
        if (isConnectionError(error) || attempt >= PERSIST_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_MS * 2 ** (attempt - 1)));
      }
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
