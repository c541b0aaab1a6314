/**
 * Collision-resistant random ids for nodes and edges. Replicas create ids offline and
 * concurrently, so ids must never collide without coordination: 20 symbols of a 32-symbol
 * alphabet carry 100 random bits (a collision becomes likely only after ~2^50 ids).
 *
 * The alphabet is Crockford's base32 in lower case: no i, l, o, u, nothing that needs escaping in
 * a URL, a CSS selector, a DOM id or (after the letter prefix) a Python identifier.
 */
import { hashString } from '../datasets/profile/hash.ts';
import { assertNever } from './assert-never.ts';

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_RANDOM_SYMBOLS = 20;

export type IdKind = 'node' | 'edge';

/** Makes a new id of a kind. Operations take one so tests can make ids deterministic. */
export type IdFactory = (kind: IdKind) => string;

function prefixFor(kind: IdKind): string {
  switch (kind) {
    case 'node':
      return 'n_';
    case 'edge':
      return 'e_';
    default:
      return assertNever(kind);
  }
}

export const randomId: IdFactory = (kind) => {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_RANDOM_SYMBOLS));
  let id = prefixFor(kind);
  // 256 is a multiple of 32, so masking the low five bits keeps every symbol equally likely.
  for (const byte of bytes) id += ID_ALPHABET[byte & 31];
  return id;
};

/** Symbols taken from each of the two 53-bit hashes of a derived id (2 × 10 × 5 = 100 bits). */
const DERIVED_SYMBOLS_PER_HASH = 10;

/**
 * An id that every replica computes alike from `seed`, shaped like a random one. Used where two
 * people doing the same thing concurrently must produce the same node or edge (accepting one
 * suggestion), so that Yjs merges the two writes into one instead of keeping both. Seeds must be
 * unique per document for what they name; 100 hash bits make accidental collisions as unlikely
 * as for random ids.
 */
export function derivedId(kind: IdKind, seed: string): string {
  let id = prefixFor(kind);
  for (const salt of [0x5eed, 0xd0d0]) {
    let hash = hashString(seed, salt);
    for (let i = 0; i < DERIVED_SYMBOLS_PER_HASH; i++) {
      id += ID_ALPHABET[hash % 32];
      hash = Math.floor(hash / 32);
    }
  }
  return id;
}
