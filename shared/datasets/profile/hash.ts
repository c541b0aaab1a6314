/**
 * cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). 53 bits fit a JS number
 * exactly, so a Set<number> of row hashes has a negligible collision rate at millions of rows.
 */
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

/** Hash of a row, fields separated by a character that cannot collide with field content. */
export function hashFields(fields: readonly string[], missing: (value: string) => boolean): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const field of fields) {
    // Every NA spelling is the same missing value to pandas' duplicated().
    const text = missing(field) ? '\u0000' : field;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0xffff, 2654435761);
    h2 = Math.imul(h2 ^ 0xffff, 1597334677);
  }
  return finish(h1, h2);
}

function finish(a: number, b: number): number {
  let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
  h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
  let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const numberView = new Float64Array(1);
const wordView = new Uint32Array(numberView.buffer);

/** Hash of a number's 64 bits (0 and -0 are one value, as for pandas). */
export function hashNumber(value: number): number {
  numberView[0] = value === 0 ? 0 : value;
  let h1 = Math.imul(0xdeadbeef ^ wordView[0]!, 2654435761);
  let h2 = Math.imul(0x41c6ce57 ^ wordView[1]!, 1597334677);
  h1 = Math.imul(h1 ^ wordView[1]!, 2654435761);
  h2 = Math.imul(h2 ^ wordView[0]!, 1597334677);
  return finish(h1, h2);
}
