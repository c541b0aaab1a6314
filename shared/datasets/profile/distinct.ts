/**
 * Value counts of one column: exact up to DISTINCT_EXACT_CAP keys, then a HyperLogLog takes over
 * the distinct count while the counter keeps counting the keys it already has (so top values stay
 * meaningful for a column dominated by a few values, as lower bounds).
 *
 * Keys are numbers (a numeric column's parsed values, so 39.1 and 39.10 are one key) or strings.
 * Each key gets an entry index in insertion order (`keys`, `counts`); strings find theirs in a Map,
 * numbers in an open-addressing table over their 64 bits, which never boxes a double (a Map keyed
 * by non-integer numbers allocates a heap number per lookup). One lookup per cell, then a counter
 * increment.
 */
import { hashHigh, hashLow, hashNumberInto, hashString, hashStringInto } from './hash.ts';
import { HyperLogLog } from './hyperloglog.ts';
import { DISTINCT_EXACT_CAP, MAX_KEY_CHARS } from './limits.ts';
import type { DistinctCount, TopValue } from './types.ts';

/** String keys up to this many are found by comparing with each (cheaper than hashing a new string). */
const SMALL = 8;

export class ValueCounter {
  /** Every key counted, in the order first seen (what a Map would iterate). */
  private readonly keys: (string | number)[] = [];
  private counts = new Float64Array(16);
  private readonly strings = new StringIndex();
  /** The string keys while there are at most SMALL of them: scanned instead of hashed. */
  private readonly smallStrings: string[] = [];
  private readonly smallEntries: number[] = [];
  private readonly numbers = new NumberIndex();
  private sketch: HyperLogLog | null = null;

  /**
   * Counts one occurrence of `key`. Returns its entry index (stable, in the order keys were first
   * seen), or -1 when the key is not counted exactly (past DISTINCT_EXACT_CAP).
   */
  add(key: string | number): number {
    return typeof key === 'number' ? this.addNumber(key) : this.addString(key);
  }

  addNumber(key: number): number {
    // A Map keys -0 as 0; so does this counter.
    const value = key === 0 ? 0 : key;
    const known = this.numbers.get(value);
    if (known >= 0) {
      this.counts[known]!++;
      return known;
    }
    if (this.sketch === null) {
      if (this.keys.length < DISTINCT_EXACT_CAP) {
        const entry = this.insert(value);
        this.numbers.set(value, entry);
        return entry;
      }
      this.startSketch();
    }
    hashNumberInto(value);
    this.sketch!.addHalves(hashLow, hashHigh);
    return -1;
  }

  addString(key: string): number {
    const short = key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…#${hashString(key)}` : key;
    const small = this.smallStrings;
    let known = -1;
    let hashed = false;
    if (small.length === this.strings.size) {
      for (let i = 0; i < small.length; i++) {
        if (small[i] === short) {
          known = this.smallEntries[i]!;
          break;
        }
      }
    } else {
      // Leaves the key's hashString in hashLow/hashHigh, for the sketch below.
      known = this.strings.get(short, this.keys);
      hashed = true;
    }
    if (known >= 0) {
      this.counts[known]!++;
      return known;
    }
    if (this.sketch === null) {
      if (this.keys.length < DISTINCT_EXACT_CAP) {
        const entry = this.insert(short);
        if (!hashed) hashStringInto(short);
        this.strings.set(hashLow, entry);
        if (small.length < SMALL && small.length === this.strings.size - 1) {
          small.push(short);
          this.smallEntries.push(entry);
        }
        return entry;
      }
      this.startSketch();
      hashed = false; // the sketch's start hashed every other key
    }
    if (!hashed) hashStringInto(short);
    this.sketch!.addHalves(hashLow, hashHigh);
    return -1;
  }

  distinct(): DistinctCount {
    if (this.sketch === null) return { count: this.keys.length, exact: true };
    // The estimate can undershoot the exact part; the exact part is a hard lower bound.
    return { count: Math.max(this.sketch.estimate(), this.keys.length), exact: false };
  }

  get exact(): boolean {
    return this.sketch === null;
  }

  top(limit: number): TopValue[] {
    return this.keys
      .map((key, i): [string | number, number] => [key, this.counts[i]!])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([value, count]) => ({ value: String(value), count }));
  }

  /** Count of each key (exact only while `exact`). */
  *entries(): Generator<[string, number]> {
    for (let i = 0; i < this.keys.length; i++) yield [String(this.keys[i]), this.counts[i]!];
  }

  /** A new key with a count of 1; its entry index. */
  private insert(key: string | number): number {
    const index = this.keys.length;
    this.keys.push(key);
    if (index === this.counts.length) {
      const grown = new Float64Array(Math.min(index * 2, DISTINCT_EXACT_CAP));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[index] = 1;
    return index;
  }

  private startSketch(): void {
    const sketch = new HyperLogLog();
    for (const seen of this.keys) {
      if (typeof seen === 'number') hashNumberInto(seen);
      else hashStringInto(seen);
      sketch.addHalves(hashLow, hashHigh);
    }
    this.sketch = sketch;
  }
}

/** Largest share of slots in use before a table doubles (linear probing stays short below it). */
const MAX_LOAD = 0.7;
/** Keys in a table from which a MissFilter answers most misses before the table is read. */
const FILTER_FROM = 1024;
const FILTER_BITS = 1 << 17;

/**
 * One bit per value of 17 bits of a key's 32-bit hash (those above the bits that pick its slot):
 * a clear bit means the key is not in the table. 16 KB, so it stays in cache where a table of ten
 * thousand keys does not, and a column of unique values (past DISTINCT_EXACT_CAP every new value
 * is a miss) mostly never touches its table; at 10,000 keys about 7% of misses still probe.
 */
class MissFilter {
  private readonly bits = new Int32Array(FILTER_BITS / 32);

  /** A filter holding the hashes in `table[i * stride + offset]` where `table[i * stride]` is set. */
  static of(table: Int32Array, stride: number, offset: number): MissFilter {
    const filter = new MissFilter();
    for (let i = 0; i < table.length; i += stride) if (table[i] !== 0) filter.add(table[i + offset]!);
    return filter;
  }

  add(hash: number): void {
    const bit = (hash >>> 15) & (FILTER_BITS - 1);
    this.bits[bit >>> 5]! |= 1 << (bit & 31);
  }

  mayHold(hash: number): boolean {
    const bit = (hash >>> 15) & (FILTER_BITS - 1);
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}

/**
 * String → entry index, by open addressing on the key's hashString (computed here once, and left
 * in hashLow/hashHigh for the caller's HyperLogLog). The keys themselves stay in the counter's
 * `keys`; a slot is a pair [entry index + 1, the hash's low 32 bits], so a probe reads one place.
 */
class StringIndex {
  private table = new Int32Array(2 * 16);
  private count = 0;
  private filter: MissFilter | null = null;

  get size(): number {
    return this.count;
  }

  /** The entry of `key` (whose text is `keys[entry]`), or -1; sets hashLow/hashHigh to its hash. */
  get(key: string, keys: readonly (string | number)[]): number {
    hashStringInto(key);
    const hash = hashLow | 0;
    if (this.filter !== null && !this.filter.mayHold(hash)) return -1;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = table[2 * slot]!;
      if (entry === 0) return -1;
      if (table[2 * slot + 1] === hash && keys[entry - 1] === key) return entry - 1;
    }
  }

  /** Adds an entry whose key hashes to `low` (hashLow of that key); the key must be new. */
  set(low: number, index: number): void {
    if (this.count + 1 > (this.table.length >> 1) * MAX_LOAD) this.grow();
    this.place(this.table, low | 0, index + 1);
    this.count++;
    if (this.filter !== null) this.filter.add(low | 0);
    else if (this.count >= FILTER_FROM) this.filter = MissFilter.of(this.table, 2, 1);
  }

  private place(table: Int32Array, hash: number, entry: number): void {
    const mask = (table.length >> 1) - 1;
    let slot = hash & mask;
    while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = entry;
    table[2 * slot + 1] = hash;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0) this.place(this.table, old[i + 1]!, old[i]!);
    }
  }
}

const numberView = new Float64Array(1);
const wordView = new Int32Array(numberView.buffer);

/**
 * Number → entry index, by open addressing (linear probing) on the number's bits. Keys sit in a
 * Float64Array with NaN for an empty slot (never a key), so a probe that misses, the usual case in
 * a column of unique values, reads that array only.
 */
class NumberIndex {
  private values = new Float64Array(16).fill(Number.NaN);
  private entries = new Int32Array(16);
  private size = 0;
  private filter: MissFilter | null = null;

  /** The entry index of `value` (never -0 or NaN), or -1. */
  get(value: number): number {
    const hash = slotOf(value);
    if (this.filter !== null && !this.filter.mayHold(hash)) return -1;
    const values = this.values;
    const mask = values.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = values[slot]!;
      if (held === value) return this.entries[slot]!;
      if (Number.isNaN(held)) return -1; // empty
    }
  }

  set(value: number, index: number): void {
    if (this.size + 1 > this.values.length * MAX_LOAD) this.grow();
    this.place(value, index);
    this.size++;
    if (this.filter !== null) {
      this.filter.add(slotOf(value));
    } else if (this.size >= FILTER_FROM) {
      const filter = new MissFilter();
      for (const held of this.values) if (!Number.isNaN(held)) filter.add(slotOf(held));
      this.filter = filter;
    }
  }

  private place(value: number, entry: number): void {
    const values = this.values;
    const mask = values.length - 1;
    let slot = slotOf(value) & mask;
    while (!Number.isNaN(values[slot]!)) slot = (slot + 1) & mask;
    values[slot] = value;
    this.entries[slot] = entry;
  }

  private grow(): void {
    const values = this.values;
    const entries = this.entries;
    this.values = new Float64Array(values.length * 2).fill(Number.NaN);
    this.entries = new Int32Array(values.length * 2);
    for (let slot = 0; slot < values.length; slot++) {
      if (!Number.isNaN(values[slot]!)) this.place(values[slot]!, entries[slot]!);
    }
  }
}

/** Mixes both halves of a double's bits (integers differ in the high word, fractions in the low). */
function slotOf(value: number): number {
  numberView[0] = value;
  let h = wordView[0]! ^ Math.imul(wordView[1]!, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
