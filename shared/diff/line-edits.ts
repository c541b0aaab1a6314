/**
 * The edit script between two lists of lines.
 *
 * First choice: the shortest one (Myers, "An O(ND) Difference Algorithm and Its Variations",
 * 1986), after stripping common leading and trailing lines — between two versions of generated
 * code most lines are shared, so the search only runs over the middle. Its backtracking trace costs
 * O(D²) time and memory for D edits, so it gives up past `MAX_TRACKED_EDITS`.
 *
 * For bigger changes: patience anchoring. Lines that occur exactly once on each side and keep
 * their order (the longest increasing run of them) are matched as anchors, and the stretches
 * between anchors are diffed the same way, recursively. Not always minimal, but fast, and on code
 * it lines up what a reader would. A stretch without anchors whose search also gives up is
 * reported as removed and re-added as a whole — correct, if not minimal.
 */

export type LineEdit = 'equal' | 'insert' | 'delete';

/** ~4 MB of trace and a few ms at the limit; beyond it patience anchoring is both faster and clearer. */
export const MAX_TRACKED_EDITS = 1_000;

export function lineEdits(a: readonly string[], b: readonly string[]): LineEdit[] {
  const [codesA, codesB] = internLines(a, b);
  const edits: LineEdit[] = [];
  diffRange(codesA, codesB, edits);
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

function diffRange(a: Int32Array, b: Int32Array, out: LineEdit[]): void {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  push(out, 'equal', prefix);
  const middleA = a.subarray(prefix, a.length - suffix);
  const middleB = b.subarray(prefix, b.length - suffix);
  const shortest = shortestEdits(middleA, middleB);
  if (shortest) for (const edit of shortest) out.push(edit);
  else diffAroundAnchors(middleA, middleB, out);
  push(out, 'equal', suffix);
}

function diffAroundAnchors(a: Int32Array, b: Int32Array, out: LineEdit[]): void {
  const anchors = uniqueCommonAnchors(a, b);
  if (anchors.length === 0) {
    push(out, 'delete', a.length);
    push(out, 'insert', b.length);
    return;
  }
  let fromA = 0;
  let fromB = 0;
  for (const [atA, atB] of anchors) {
    diffRange(a.subarray(fromA, atA), b.subarray(fromB, atB), out);
    out.push('equal');
    fromA = atA + 1;
    fromB = atB + 1;
  }
  diffRange(a.subarray(fromA), b.subarray(fromB), out);
}

/**
 * Positions [inA, inB] of lines occurring once in `a` and once in `b`, as the longest run that is
 * increasing on both sides (patience sorting, O(n log n)).
 */
function uniqueCommonAnchors(a: Int32Array, b: Int32Array): [number, number][] {
  const countA = new Map<number, number>();
  for (const code of a) countA.set(code, (countA.get(code) ?? 0) + 1);
  const onlyInB = new Map<number, number>(); // code → position in b, or -1 when repeated
  for (let j = 0; j < b.length; j++) {
    const code = b[j]!;
    if (countA.get(code) !== 1) continue;
    onlyInB.set(code, onlyInB.has(code) ? -1 : j);
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    const j = onlyInB.get(a[i]!);
    if (j !== undefined && j >= 0) pairs.push([i, j]);
  }
  return longestIncreasingRun(pairs);
}

/** Longest subsequence of `pairs` (already increasing in their first position) increasing in the second. */
function longestIncreasingRun(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // tails[k]: index in `pairs` ending the best run of length k + 1
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let index = 0; index < pairs.length; index++) {
    const value = pairs[index]![1];
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]!]![1] < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  }
  const run: [number, number][] = [];
  for (let index = tails.length > 0 ? tails[tails.length - 1]! : -1; index >= 0; index = previous[index]!) {
    run.push(pairs[index]!);
  }
  return run.reverse();
}

function push(out: LineEdit[], edit: LineEdit, count: number): void {
  for (let i = 0; i < count; i++) out.push(edit);
}

/** Myers' greedy forward search with a trace of the furthest-reaching paths; null past the limit. */
function shortestEdits(a: Int32Array, b: Int32Array): LineEdit[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const edits: LineEdit[] = [];
    push(edits, 'delete', n);
    push(edits, 'insert', m);
    return edits;
  }
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
