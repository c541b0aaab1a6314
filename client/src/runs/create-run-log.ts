/**
 * One run's console log, complete and in order: history through `GET /api/runs/:id/logs?after=`,
 * then the live tail from awareness, merged by seq (log-merge.ts) with no gap and no duplicate.
 * All fetches go through one queue, so a tail update never races the page that precedes it.
 *
 * Smooth with fast output: at most `cap` lines are held (the newest), and a run already far
 * along starts from its last `cap` lines; "load earlier" fetches what came before on demand.
 */
import { type Accessor, createEffect, createSignal, on, onCleanup, untrack } from 'solid-js';
import type { RunLogPage } from '../../../shared/api/runs.ts';
import { isRunFinished, type RunAwareness } from '../../../shared/doc/awareness.ts';
import { appendLines, findGap, type LogLine, newLinesAfter, prependLines } from './log-merge.ts';

/** Lines held per run: enough to scroll back through, few enough for the DOM to stay quick. */
export const LOG_CAP = 5_000;
export const LOG_PAGE = 2_000;
/** The runner's notice when output passed the stored-log cap (server/runner/run-log.ts). */
const TRUNCATION_PREFIX = 'Log truncated';

export interface RunLogSource {
  logs(runId: string, query: { after: number; limit?: number }, signal?: AbortSignal): Promise<RunLogPage>;
}

export interface RunLogOptions {
  runId: Accessor<string | null>;
  api: RunLogSource;
  /** The run's live state from awareness; undefined when no runner publishes it (finished, or not started). */
  live: Accessor<RunAwareness | undefined>;
  /** Lines the run is known to have stored (RunSummary.logLines), to start near the end. */
  knownLines?: Accessor<number | undefined>;
  cap?: number;
}

export interface RunLog {
  lines: Accessor<readonly LogLine[]>;
  loading: Accessor<boolean>;
  error: Accessor<string | null>;
  /** Lines before the first one held exist on the server. */
  hasEarlier: Accessor<boolean>;
  truncated: Accessor<boolean>;
  loadEarlier(): void;
  /** Fetches whatever was stored after the last line held (a run just ended). */
  catchUp(): void;
}

export function createRunLog(options: RunLogOptions): RunLog {
  const cap = options.cap ?? LOG_CAP;
  const [lines, setLines] = createSignal<readonly LogLine[]>([]);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [truncated, setTruncated] = createSignal(false);

  let session: { runId: string; abort: AbortController; queue: Promise<void> } | null = null;

  const lastSeq = () => untrack(lines).at(-1)?.seq ?? 0;
  const add = (incoming: readonly LogLine[]) => {
    if (incoming.some((line) => line.stream === 'system' && line.text.startsWith(TRUNCATION_PREFIX))) {
      setTruncated(true);
    }
    setLines((held) => appendLines(held, incoming, cap));
  };

  /** Runs tasks one after another for the current run; a task of a replaced run is dropped. */
  const enqueue = (task: (runId: string, signal: AbortSignal) => Promise<void>) => {
    const current = session;
    if (!current) return;
    current.queue = current.queue
      .then(() => (current === session ? task(current.runId, current.abort.signal) : undefined))
      .catch((cause: unknown) => {
        if (current !== session || current.abort.signal.aborted) return;
        setError(cause instanceof Error ? cause.message : 'Could not load the log.');
      });
  };

  /** Pages from `after` until the server has no more (or, while running, until a short page). */
  const fetchFrom = async (runId: string, signal: AbortSignal, after: number, until?: number) => {
    let from = after;
    for (;;) {
      const limit = until === undefined ? LOG_PAGE : Math.min(LOG_PAGE, until - from);
      if (limit <= 0) return;
      const page = await options.api.logs(runId, { after: from, limit }, signal);
      add(page.lines);
      if (page.complete || page.lines.length < limit || page.nextAfter <= from) return;
      from = page.nextAfter;
    }
  };

  const followTail = (runId: string, signal: AbortSignal) => async () => {
    const live = untrack(options.live);
    if (!live) return;
    const fresh = newLinesAfter(lastSeq(), live.tail);
    const gap = findGap(lastSeq(), fresh);
    // Lines went by between two awareness updates: fetch them before appending the tail.
    if (gap) await fetchFrom(runId, signal, gap.after, gap.after + gap.limit);
    add(fresh);
  };

  const catchUp = () => enqueue((id, signal) => fetchFrom(id, signal, lastSeq()));

  createEffect(
    on(options.runId, (runId) => {
      session?.abort.abort();
      setLines([]);
      setError(null);
      setTruncated(false);
      if (!runId) {
        session = null;
        return;
      }
      session = { runId, abort: new AbortController(), queue: Promise.resolve() };
      const started = session;
      const live = untrack(options.live);
      const known = untrack(() => options.knownLines?.());
      const newest = Math.max(live?.tail.at(-1)?.seq ?? 0, known ?? 0);
      const startAfter = Math.max(0, newest - cap);
      setLoading(true);
      enqueue((id, signal) => fetchFrom(id, signal, startAfter));
      enqueue(async (id, signal) => followTail(id, signal)());
      enqueue(async () => {
        if (started === session) setLoading(false);
      });
    }),
  );

  // Each awareness update: append its new lines (the queue keeps them after any page in flight).
  createEffect(
    on(options.live, (live, previous) => {
      if (!session) return;
      if (live) enqueue((id, signal) => followTail(id, signal)());
      const ended =
        (previous && !live) ||
        (live && isRunFinished(live.status) && !(previous && isRunFinished(previous.status)));
      if (ended) catchUp();
    }),
  );

  const loadEarlier = () =>
    enqueue(async (id, signal) => {
      const first = untrack(lines)[0]?.seq ?? 1;
      if (first <= 1) return;
      const after = Math.max(0, first - 1 - LOG_PAGE);
      const page = await options.api.logs(id, { after, limit: first - 1 - after }, signal);
      setLines((held) => prependLines(held, page.lines));
    });

  onCleanup(() => session?.abort.abort());

  return {
    lines,
    loading,
    error,
    hasEarlier: () => (lines()[0]?.seq ?? 1) > 1,
    truncated,
    loadEarlier,
    catchUp,
  };
}
