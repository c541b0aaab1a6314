/**
 * The unified line diff: exact hunks on small cases, and properties on random texts (applying the
 * hunks to the old text gives the new one; the edit count is minimal, checked against an LCS
 * table), plus the generated code of two template versions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePython } from '../../shared/codegen/index.ts';
import { diffText, formatUnifiedDiff, splitLines, type TextDiff } from '../../shared/diff/index.ts';
import { MAX_TRACKED_EDITS } from '../../shared/diff/line-edits.ts';
import { templates } from '../../shared/templates/index.ts';

const lines = (...items: string[]) => `${items.join('\n')}\n`;

describe('diffText', () => {
  it('finds nothing between equal texts', () => {
    expect(diffText('a\nb\n', 'a\nb\n')).toEqual({ hunks: [], added: 0, removed: 0 });
    expect(diffText('', '')).toEqual({ hunks: [], added: 0, removed: 0 });
  });

  it('writes one hunk with three lines of context, numbered like diff -u', () => {
    const a = lines('1', '2', '3', '4', '5', '6', '7', '8', '9');
    const b = lines('1', '2', '3', '4', 'five', '6', '7', '8', '9');
    const diff = diffText(a, b);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(formatUnifiedDiff(diff)).toBe(
      ['--- a', '+++ b', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8', ''].join('\n'),
    );
    expect(diff.hunks[0]!.lines[3]).toEqual({ kind: 'removed', text: '5', oldNumber: 5 });
    expect(diff.hunks[0]!.lines[4]).toEqual({ kind: 'added', text: 'five', newNumber: 5 });
  });

  it('merges changes closer than twice the context and splits farther ones', () => {
    const base = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const near = [...base];
    near[5] = 'x';
    near[11] = 'y'; // 5 unchanged lines between: within 2 × 3
    expect(diffText(lines(...base), lines(...near)).hunks).toHaveLength(1);
    const far = [...base];
    far[5] = 'x';
    far[20] = 'y';
    const hunks = diffText(lines(...base), lines(...far)).hunks;
    expect(hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines])).toEqual([
      [3, 7, 3, 7],
      [18, 7, 18, 7],
    ]);
    expect(diffText(lines(...base), lines(...far), { context: 0 }).hunks.map((h) => h.lines.length)).toEqual([
      2, 2,
    ]);
  });

  it('numbers an empty side with the line before it', () => {
    expect(formatUnifiedDiff(diffText('', 'a\nb\n'))).toBe('--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(formatUnifiedDiff(diffText('a\nb\n', 'a\n'), 'old', 'new')).toBe(
      '--- old\n+++ new\n@@ -1,2 +1 @@\n a\n-b\n',
    );
  });

  it('reproduces the new text and makes the fewest edits, on random texts', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 })
      .map((items) => items.join('\n'));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (a, b, context) => {
        const diff = diffText(a, b, { context });
        expect(applyHunks(splitLines(a), diff)).toEqual(splitLines(b));
        const common = lcsLength(splitLines(a), splitLines(b));
        expect(diff.removed).toBe(splitLines(a).length - common);
        expect(diff.added).toBe(splitLines(b).length - common);
      }),
      { numRuns: 400 },
    );
  });

  it('past the edit limit, lines up unique lines (patience) and stays correct', () => {
    const size = MAX_TRACKED_EDITS * 3;
    const a = Array.from({ length: size }, (_, i) => `line ${i}`);
    const b = a.map((line, i) => (i % 2 === 0 ? line : `changed ${i}`));
    const diff = diffText(lines(...a), lines(...b));
    expect(applyHunks(a, diff)).toEqual(b);
    // Every other line changed: anchored on the unchanged ones, nothing else is touched.
    expect(diff.removed).toBe(size / 2);
    expect(diff.added).toBe(size / 2);
  });

  it('reproduces the new text on large, heavily edited random texts (the patience path)', () => {
    const line = fc.integer({ min: 0, max: 3000 }).map((n) => `line ${n}`);
    const big = fc.array(line, { minLength: 2000, maxLength: 3000 });
    fc.assert(
      fc.property(
        big,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), line), {
          minLength: 1200,
          maxLength: 1600,
        }),
        (a, edits) => {
          const b = [...a];
          for (const [at, kind, text] of edits) {
            const index = at % (b.length + 1);
            if (kind === 'insert') b.splice(index, 0, text);
            else if (index < b.length) b.splice(index, 1, ...(kind === 'replace' ? [text] : []));
          }
          expect(applyHunks(a, diffText(lines(...a), lines(...b)))).toEqual(b);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('past the edit limit with no unique lines to anchor on, replaces the middle and stays correct', () => {
    const size = MAX_TRACKED_EDITS * 2 + 10;
    const a = Array.from({ length: size }, (_, i) => (i % 2 === 0 ? 'x' : 'y'));
    const b = Array.from({ length: size }, (_, i) => (i % 3 === 0 ? 'x' : 'z'));
    expect(applyHunks(a, diffText(lines(...a), lines(...b)))).toEqual(b);
  });

  it('shows a changed parameter as a changed line of the generated code', () => {
    const template = templates.find((t) => t.id === 'iris-logistic-regression')!;
    const after = structuredClone(template.graph);
    after.nodes.find((node) => node.id === 'model')!.params.max_iter = 500;
    const diff = diffText(generatePython(template.graph).code, generatePython(after).code);
    expect(diff.hunks).toHaveLength(1);
    const removed = diff.hunks[0]!.lines.filter((l) => l.kind === 'removed').map((l) => l.text);
    const added = diff.hunks[0]!.lines.filter((l) => l.kind === 'added').map((l) => l.text);
    expect(removed.join('\n')).toContain('max_iter=200');
    expect(added.join('\n')).toContain('max_iter=500');
  });
});

/** Applies hunks to the old lines (checking context and removed lines match) to get the new ones. */
function applyHunks(old: readonly string[], diff: TextDiff): string[] {
  const out: string[] = [];
  let next = 0; // index of the next old line not yet copied
  for (const hunk of diff.hunks) {
    const start = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    while (next < start) out.push(old[next++]!);
    for (const line of hunk.lines) {
      if (line.kind === 'added') {
        out.push(line.text);
        continue;
      }
      expect(old[next]).toBe(line.text);
      if (line.kind === 'context') out.push(line.text);
      next++;
    }
  }
  while (next < old.length) out.push(old[next++]!);
  return out;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] =
        a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}
