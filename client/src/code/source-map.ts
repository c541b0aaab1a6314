/**
 * Line ↔ node linking over the generator's source map (pure, so it is unit-tested without an
 * editor). Entries are 1-based inclusive line ranges; blocks of one node may contain lines of
 * another (a transformer's step inside a model's Pipeline), so a line maps to the innermost entry.
 */
import type { SourceMapEntry } from '../../../shared/codegen/index.ts';

export interface LineRange {
  /** 1-based, inclusive. */
  from: number;
  to: number;
}

/** The most specific node of a line: the narrowest entry containing it (the later one on a tie). */
export function nodeAtLine(sourceMap: readonly SourceMapEntry[], line: number): string | null {
  let best: SourceMapEntry | null = null;
  for (const entry of sourceMap) {
    if (line < entry.startLine || line > entry.endLine) continue;
    const span = entry.endLine - entry.startLine;
    if (!best || span <= best.endLine - best.startLine) best = entry;
  }
  return best?.nodeId ?? null;
}

/** The lines of the given nodes, sorted, with overlapping and touching ranges merged. */
export function linesOfNodes(sourceMap: readonly SourceMapEntry[], nodeIds: readonly string[]): LineRange[] {
  if (nodeIds.length === 0) return [];
  const wanted = new Set(nodeIds);
  const ranges = sourceMap
    .filter((entry) => wanted.has(entry.nodeId))
    .map((entry) => ({ from: entry.startLine, to: entry.endLine }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: LineRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}
