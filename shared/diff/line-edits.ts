/**
 * The shortest edit script between two lists of lines (Myers, "An O(ND) Difference Algorithm and
 * Its Variations", 1986). Common leading and trailing lines are stripped first: between two
 * versions of generated code most lines are shared, so the search only runs over the middle.
 *
 * The backtracking trace costs O(D²) memory for D edits; past `MAX_TRACKED_EDITS` the middle is
 * reported as removed and re-added as a whole, which is still a correct (if not minimal) diff
 * of texts that have little left in common.
 */

export type LineEdit = 'equal' | 'insert' | 'delete';

/** About 16 MB of trace at the limit; beyond it two texts share too little for a line diff to help. */
export const MAX_TRACKED_EDITS = 2_000;

export function lineEdits(a: readonly string[], b: readonly string[]): LineEdit[] {
  const [codesA, codesB] = internLines(a, b);
  let prefix = 0;
  while (prefix < codesA.length && prefix < codesB.length && codesA[prefix] === codesB[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < codesA.length - prefix &&
    suffix < codesB.length - prefix &&
    codesA[codesA.length - 1 - suffix] === codesB[codesB.length - 1 - suffix]
  ) {
    suffix++;
  }
  const middleA = codesA.subarray(prefix, codesA.length - suffix);
  const middleB = codesB.subarray(prefix, codesB.length - suffix);
  const middle = shortestEdits(middleA, middleB) ?? replaceAll(middleA.length, middleB.length);
  const edits: LineEdit[] = new Array(prefix).fill('equal');
  for (const edit of middle) edits.push(edit);
  for (let i = 0; i < suffix; i++) edits.push('equal');
  return edits;
}

/** Lines as small integers, so the search compares numbers instead of strings. */
function internLines(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const codes = new Map<string, number>();
  const encode = (lines: readonly string[]) => {
    const out = new Int32Array(lines.length);
    lines.forEach((line, index) => {
      let code = codes.get(line);
      if (code === undefined) {
        code = codes.size;
        codes.set(line, code);
      }
      out[index] = code;
    });
    return out;
  };
  return [encode(a), encode(b)];
}

function replaceAll(removed: number, added: number): LineEdit[] {
  return [...new Array<LineEdit>(removed).fill('delete'), ...new Array<LineEdit>(added).fill('insert')];
}

/** Myers' greedy forward search with a trace of the furthest-reaching paths; null past the limit. */
function shortestEdits(a: Int32Array, b: Int32Array): LineEdit[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return replaceAll(n, m);
  const max = Math.min(n + m, MAX_TRACKED_EDITS);
  const offset = n + m + 1;
  // furthest[offset + k]: the furthest x reached on diagonal k = x - y.
  const furthest = new Int32Array(2 * (n + m) + 3);
  // trace[d]: `furthest` for diagonals -d..d after step d (index k + d).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && furthest[offset + k - 1]! < furthest[offset + k + 1]!);
      let x = down ? furthest[offset + k + 1]! : furthest[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
    trace.push(furthest.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number, edits: number): LineEdit[] {
  const reversed: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    // The snake: equal lines walked after this step's insertion or deletion.
    const snakeStart = down ? previousX : previousX + 1;
    while (x > snakeStart) {
      reversed.push('equal');
      x--;
      y--;
    }
    reversed.push(down ? 'insert' : 'delete');
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0) {
    reversed.push('equal');
    x--;
    y--;
  }
  return reversed.reverse();
}
