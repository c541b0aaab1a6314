/**
 * Follows the report file a run's script appends events to (`DOMINOML_REPORT`).
 *
 * Why a file and not a pipe on fd 3: the generated script opens the report path afresh for every
 * event (it also works without a runner), and Node's `stdio: 'pipe'` is a socketpair, which
 * `/dev/fd/3` cannot reopen (ENXIO); a FIFO would signal end-of-file every time the script closed
 * it between events. A regular file in the run's directory works everywhere, sandbox included: the
 * runner is woken by inotify (`fs.watch`) and polls as a backstop, reading only what was appended.
 */
import { type FSWatcher, watch } from 'node:fs';
import { open } from 'node:fs/promises';
import { LineSplitter } from './line-splitter.ts';

/** Backstop when a change notification is missed (or `fs.watch` is unavailable). */
const POLL_INTERVAL_MS = 200;
const READ_CHUNK_BYTES = 64 * 1024;

export class ReportTail {
  readonly #file: string;
  readonly #onLine: (line: string) => void;
  readonly #splitter = new LineSplitter();
  #offset = 0;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** Reads run one after another, so lines come out in file order. */
  #reading: Promise<void> = Promise.resolve();
  #failure: unknown;

  constructor(file: string, onLine: (line: string) => void) {
    this.#file = file;
    this.#onLine = onLine;
  }

  start(): void {
    try {
      this.#watcher = watch(this.#file, { persistent: false }, () => this.#schedule());
      this.#watcher.on('error', () => this.#watcher?.close());
    } catch {
      // No inotify here: polling alone still delivers every line.
    }
    this.#timer = setInterval(() => this.#schedule(), POLL_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Reads what is left (call after the process exited) and stops following. */
  async stop(): Promise<void> {
    this.#watcher?.close();
    clearInterval(this.#timer);
    this.#schedule();
    await this.#reading;
    for (const line of this.#splitter.end()) this.#onLine(line);
    if (this.#failure) throw this.#failure;
  }

  #schedule(): void {
    this.#reading = this.#reading
      .then(() => this.#readAppended())
      .catch((error: unknown) => {
        this.#failure ??= error;
      });
  }

  async #readAppended(): Promise<void> {
    const handle = await open(this.#file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.#offset);
        if (bytesRead === 0) return;
        this.#offset += bytesRead;
        for (const line of this.#splitter.push(buffer.subarray(0, bytesRead))) this.#onLine(line);
      }
    } finally {
      await handle.close();
    }
  }
}
