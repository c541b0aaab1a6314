/**
 * `diffText(a, b)`: a unified line diff (the `diff -u` shape: hunks of changed lines with a few
 * lines of context), used for the generated code of two versions.
 *
 * Lines are split on `\n`; a final newline does not make an extra empty line, so "x\n" and "x"
 * compare equal (generated code always ends with one). A `\r` stays part of its line.
 */
import { type LineEdit, lineEdits } from './line-edits.ts';
import type { DiffLine, TextDiff, TextHunk } from './types.ts';

export interface TextDiffOptions {
  /** Unchanged lines shown around each change; hunks closer than twice this merge. Default 3. */
  context?: number;
}

export function diffText(a: string, b: string, options: TextDiffOptions = {}): TextDiff {
  const context = Math.max(0, Math.floor(options.context ?? 3));
  const oldLines = splitLines(a);
  const newLines = splitLines(b);
  const lines = numberLines(lineEdits(oldLines, newLines), oldLines, newLines);
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { hunks: groupHunks(lines, context), added, removed };
}

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function numberLines(edits: readonly LineEdit[], oldLines: string[], newLines: string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const edit of edits) {
    if (edit === 'equal') {
      lines.push({
        kind: 'context',
        text: oldLines[oldIndex]!,
        oldNumber: ++oldIndex,
        newNumber: ++newIndex,
      });
    } else if (edit === 'delete') {
      lines.push({ kind: 'removed', text: oldLines[oldIndex]!, oldNumber: ++oldIndex });
    } else {
      lines.push({ kind: 'added', text: newLines[newIndex]!, newNumber: ++newIndex });
    }
  }
  return lines;
}

/** Changed lines with `context` lines around them; runs of changes closer than 2 × context share a hunk. */
function groupHunks(lines: readonly DiffLine[], context: number): TextHunk[] {
  const hunks: TextHunk[] = [];
  let start = -1;
  let end = -1;
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.kind === 'context') continue;
    if (start !== -1 && index - context <= end) {
      end = Math.min(lines.length, index + context + 1);
      continue;
    }
    if (start !== -1) hunks.push(makeHunk(lines, start, end));
    start = Math.max(0, index - context);
    end = Math.min(lines.length, index + context + 1);
  }
  if (start !== -1) hunks.push(makeHunk(lines, start, end));
  return hunks;
}

function makeHunk(all: readonly DiffLine[], start: number, end: number): TextHunk {
  const lines = all.slice(start, end);
  // Numbers of the last old and new line before the hunk, for the start of an empty side.
  let oldBefore = 0;
  let newBefore = 0;
  for (let index = start - 1; index >= 0 && (oldBefore === 0 || newBefore === 0); index--) {
    oldBefore ||= all[index]!.oldNumber ?? 0;
    newBefore ||= all[index]!.newNumber ?? 0;
  }
  const oldLines = lines.filter((line) => line.oldNumber !== undefined);
  const newLines = lines.filter((line) => line.newNumber !== undefined);
  return {
    oldStart: oldLines[0]?.oldNumber ?? oldBefore,
    oldLines: oldLines.length,
    newStart: newLines[0]?.newNumber ?? newBefore,
    newLines: newLines.length,
    lines,
  };
}

/** The diff as `diff -u` text, e.g. for a download or a log. */
export function formatUnifiedDiff(diff: TextDiff, oldName = 'a', newName = 'b'): string {
  if (diff.hunks.length === 0) return '';
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
  const prefix = { context: ' ', added: '+', removed: '-' } as const;
  for (const hunk of diff.hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    for (const line of hunk.lines) out.push(`${prefix[line.kind]}${line.text}`);
  }
  return `${out.join('\n')}\n`;
}
