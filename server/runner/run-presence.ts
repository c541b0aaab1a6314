/**
 * Publishing runs into the pipeline's awareness (ARCHITECTURE §3): a worker keeps one runner state
 * per pipeline, `{runs: {runId → {status, node, progress, tail}}}`, holding the runs it executes
 * there, and republishes it at most every `PUBLISH_INTERVAL_MS`. Awareness collapses rapid updates
 * to the latest, which is why each state carries the last `RUN_TAIL_LINES` lines, not one.
 * The document stays loaded (and its awareness alive) while any run of it is published; a finished
 * run stays visible for `FINISHED_LINGER_MS` so every open canvas sees how it ended.
 */
import {
  appendToTail,
  type RunAwareness,
  type RunnerAwareness,
  type RunStatus,
  type RunTailLine,
} from '../../shared/doc/awareness.ts';
import type { Logger } from '../logger.ts';

/** At most ten updates a second per pipeline: smooth for people, cheap for the server and browsers. */
export const PUBLISH_INTERVAL_MS = 100;
export const FINISHED_LINGER_MS = 5_000;
/** Longer lines are cut in awareness (with an ellipsis); the stored log keeps them whole. */
export const TAIL_TEXT_MAX_CHARS = 2_000;

/** What the sync side offers a runner: one pipeline document held open, and its awareness state. */
export interface PresenceChannel {
  publish(state: RunnerAwareness | null): void;
  release(): Promise<void>;
}

export type AttachPresence = (pipelineId: string) => Promise<PresenceChannel>;

export interface RunPresence {
  update(change: Partial<Pick<RunAwareness, 'status' | 'node' | 'progress'>>): void;
  appendTail(lines: readonly RunTailLine[]): void;
  /** Publishes the final status now, and removes the run after the linger delay. */
  finish(status: RunStatus): void;
}

interface PipelineEntry {
  channel: Promise<PresenceChannel | null>;
  runs: Map<string, RunAwareness>;
  lastPublishAt: number;
  timer: NodeJS.Timeout | undefined;
}

export class RunnerPresence {
  readonly #attach: AttachPresence;
  readonly #logger: Logger;
  readonly #pipelines = new Map<string, PipelineEntry>();
  readonly #lingering = new Set<NodeJS.Timeout>();

  constructor(attach: AttachPresence, logger: Logger) {
    this.#attach = attach;
    this.#logger = logger;
  }

  open(pipelineId: string, runId: string, initial: RunAwareness): RunPresence {
    const entry = this.#entry(pipelineId);
    entry.runs.set(runId, initial);
    this.#publishSoon(pipelineId, entry);
    const change = (apply: (run: RunAwareness) => RunAwareness) => {
      const current = entry.runs.get(runId);
      if (!current) return;
      entry.runs.set(runId, apply(current));
      this.#publishSoon(pipelineId, entry);
    };
    return {
      update: (fields) => change((run) => ({ ...run, ...fields })),
      appendTail: (lines) => change((run) => ({ ...run, tail: appendToTail(run.tail, lines.map(cutText)) })),
      finish: (status) => {
        change((run) => ({ ...run, status, node: null }));
        const timer = setTimeout(() => {
          this.#lingering.delete(timer);
          entry.runs.delete(runId);
          this.#publishSoon(pipelineId, entry);
        }, FINISHED_LINGER_MS);
        this.#lingering.add(timer);
      },
    };
  }

  /** Withdraws every published state and lets go of the documents (worker shutdown). */
  async close(): Promise<void> {
    for (const timer of this.#lingering) clearTimeout(timer);
    this.#lingering.clear();
    const entries = [...this.#pipelines.values()];
    this.#pipelines.clear();
    await Promise.all(
      entries.map(async (entry) => {
        clearTimeout(entry.timer);
        const channel = await entry.channel;
        channel?.publish(null);
        await channel?.release();
      }),
    );
  }

  #entry(pipelineId: string): PipelineEntry {
    let entry = this.#pipelines.get(pipelineId);
    if (!entry) {
      entry = {
        channel: this.#attach(pipelineId).catch((error: unknown) => {
          // Live state is a courtesy: the run goes on, and its log is stored either way.
          this.#logger.warn({ err: error, pipelineId }, 'cannot publish run state to the pipeline');
          return null;
        }),
        runs: new Map(),
        lastPublishAt: 0,
        timer: undefined,
      };
      this.#pipelines.set(pipelineId, entry);
    }
    return entry;
  }

  #publishSoon(pipelineId: string, entry: PipelineEntry): void {
    if (entry.timer) return;
    const wait = Math.max(0, entry.lastPublishAt + PUBLISH_INTERVAL_MS - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      entry.lastPublishAt = Date.now();
      void this.#publish(pipelineId, entry);
    }, wait);
  }

  async #publish(pipelineId: string, entry: PipelineEntry): Promise<void> {
    const channel = await entry.channel;
    if (!channel || this.#pipelines.get(pipelineId) !== entry) return;
    if (entry.runs.size > 0) {
      channel.publish({ runs: Object.fromEntries(entry.runs) });
      return;
    }
    // Nothing left to show here: withdraw the state and let the document unload.
    this.#pipelines.delete(pipelineId);
    channel.publish(null);
    await channel.release().catch((error: unknown) => {
      this.#logger.warn({ err: error, pipelineId }, 'releasing the pipeline document failed');
    });
  }
}

function cutText(line: RunTailLine): RunTailLine {
  return line.text.length <= TAIL_TEXT_MAX_CHARS
    ? line
    : { ...line, text: `${line.text.slice(0, TAIL_TEXT_MAX_CHARS)}…` };
}
