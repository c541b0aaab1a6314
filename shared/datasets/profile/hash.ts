/**
 * cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). 53 bits fit a JS number
 * exactly, so a set of row hashes has a negligible collision rate at millions of rows.
 *
 * The `…Into` variants are for the profiler's per-cell paths: they leave the hash in `hashLow`
 * (its low 32 bits, unsigned) and `hashHigh` (the 21 bits above) instead of returning it as a
 * double, so no number is boxed between the hash and its consumer (HyperLogLog, HashSet).
 * `hashString(text)` = `hashHigh * 2 ** 32 + hashLow` after `hashStringInto(text)`; likewise for
 * numbers.
 */

/** Low 32 bits (unsigned) of the last `…Into` hash. */
export let hashLow = 0;
/** Bits 32 to 52 of the last `…Into` hash. */
export let hashHigh = 0;

export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return finish(h1, h2);
}

export function hashStringInto(text: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  finishInto(h1, h2);
}

/**
 * Hash of a row into `hashLow`/`hashHigh`, fields separated by a character that cannot collide
 * with field content; characters go in two at a time (a 32-bit word per step). Every NA spelling is
 * the same missing value to pandas' duplicated(): `missing[i]` is 1 where field i is one (fields
 * past `missing.length` are checked with `isMissing`), and it hashes as a single NUL.
 */
export function hashFieldsInto(
  fields: readonly string[],
  missing: Uint8Array,
  isMissing: (value: string) => boolean,
): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    if (f < missing.length ? missing[f] === 1 : isMissing(field)) {
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
    } else {
      const n = field.length;
      let i = 0;
      for (; i + 1 < n; i += 2) {
        const c = field.charCodeAt(i) | (field.charCodeAt(i + 1) << 16);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      if (i < n) {
        const c = field.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
    }
    h1 = Math.imul(h1 ^ 0xffff, 2654435761);
    h2 = Math.imul(h2 ^ 0xffff, 1597334677);
  }
  finishInto(h1, h2);
}

/** Hashes gathered before they are sorted into the distinct ones seen so far. */
const BATCH = 1 << 16;

/**
 * Counts repeated 53-bit hashes (given as `hashLow`/`hashHigh` halves): how many of the hashes
 * added equal one added before, which is the number added minus the number of distinct ones.
 *
 * A hash set would touch a random place of a table of many megabytes per row (a cache miss each);
 * here hashes are appended to a batch, and each full batch is sorted (natively) and merged into
 * the sorted array of distinct hashes so far, counting the repeats on the way: sequential memory
 * only, and 8 bytes per distinct hash.
 */
export class RepeatCounter {
  private distinct = new Float64Array(0);
  private readonly batch = new Float64Array(BATCH);
  private pending = 0;
  private repeats = 0;

  add(low: number, high: number): void {
    this.batch[this.pending++] = high * 4294967296 + low;
    if (this.pending === BATCH) this.flush();
  }

  /** Hashes added so far that equal an earlier one. */
  count(): number {
    this.flush();
    return this.repeats;
  }

  private flush(): void {
    const n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    const batch = this.batch.subarray(0, n).sort();
    const old = this.distinct;
    const merged = new Float64Array(old.length + n);
    let i = 0;
    let j = 0;
    let k = 0;
    let last = -1;
    while (i < old.length || j < n) {
      let next: number;
      if (j === n || (i < old.length && old[i]! <= batch[j]!)) next = old[i++]!;
      else next = batch[j++]!;
      if (next === last) {
        this.repeats++;
      } else {
        merged[k++] = next;
        last = next;
      }
    }
    this.distinct = k === merged.length ? merged : merged.slice(0, k);
  }
}

function finish(a: number, b: number): number {
  finishInto(a, b);
  return 4294967296 * hashHigh + hashLow;
}

function finishInto(a: number, b: number): void {
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
  h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  hashHigh = 2097151 & h2;
  hashLow = h1 >>> 0;
}

const numberView = new Float64Array(1);
const wordView = new Uint32Array(numberView.buffer);

/** Hash of a number's 64 bits (0 and -0 are one value, as for pandas). */
export function hashNumber(value: number): number {
  hashNumberInto(value);
  return 4294967296 * hashHigh + hashLow;
}

export function hashNumberInto(value: number): void {
  numberView[0] = value === 0 ? 0 : value;
  let h1 = Math.imul(0xdeadbeef ^ wordView[0]!, 2654435761);
  let h2 = Math.imul(0x41c6ce57 ^ wordView[1]!, 1597334677);
  h1 = Math.imul(h1 ^ wordView[1]!, 2654435761);
  h2 = Math.imul(h2 ^ wordView[0]!, 1597334677);
  finishInto(h1, h2);
}
