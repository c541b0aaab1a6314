/**
 * Merging a run's log from two sources (shared/api/runs.ts): pages of history from the REST API and
 * the bounded tail that the runner publishes in awareness. Every stored line has a consecutive
 * `seq`, so "what is new" is "seq above the last one held", and a tail whose first new line is
 * further than one past it means lines went by between two awareness updates: fetch that gap.
 * Pure functions over arrays sorted by seq; the reactive side is create-run-log.ts.
 */
import type { RunTailLine } from '../../../shared/doc/awareness.ts';

/** What the console needs of a line; history lines also have a time, the tail's do not. */
export type LogLine = RunTailLine;

/** The lines of `incoming` with a seq above `lastSeq`, in seq order, without repeats. */
export function newLinesAfter(lastSeq: number, incoming: readonly LogLine[]): LogLine[] {
  const fresh: LogLine[] = [];
  let last = lastSeq;
  // Sorted copy: the tail is in order, but a merge must not depend on it.
  for (const line of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (line.seq <= last) continue;
    fresh.push(line);
    last = line.seq;
  }
  return fresh;
}

export interface LogGap {
  /** Fetch lines with a seq above this… */
  after: number;
  /** …this many of them (those between what is held and the tail's first new line). */
  limit: number;
}

/** The missing range between the last held seq and the tail's first new line, or null when contiguous. */
export function findGap(lastSeq: number, fresh: readonly LogLine[]): LogGap | null {
  const first = fresh[0];
  if (!first || first.seq <= lastSeq + 1) return null;
  return { after: lastSeq, limit: first.seq - lastSeq - 1 };
}

/**
 * `held` followed by the new lines of `incoming`, keeping at most `cap` (the newest). Returns the
 * same array when nothing is new, so a signal holding it does not notify.
 */
export function appendLines(
  held: readonly LogLine[],
  incoming: readonly LogLine[],
  cap: number,
): readonly LogLine[] {
  const lastSeq = held.at(-1)?.seq ?? 0;
  const fresh = newLinesAfter(lastSeq, incoming);
  if (fresh.length === 0) return held;
  const merged = held.concat(fresh);
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

/** Older lines (fetched with "load earlier") placed before `held`, skipping any already held. */
export function prependLines(held: readonly LogLine[], older: readonly LogLine[]): readonly LogLine[] {
  const firstSeq = held[0]?.seq ?? Number.POSITIVE_INFINITY;
  const before = older.filter((line) => line.seq < firstSeq).sort((a, b) => a.seq - b.seq);
  return before.length === 0 ? held : before.concat(held);
}
