/**
 * Collision-resistant random ids for nodes and edges. Replicas create ids offline and
 * concurrently, so ids must never collide without coordination: 20 symbols of a 32-symbol
 * alphabet carry 100 random bits (a collision becomes likely only after ~2^50 ids).
 *
 * The alphabet is Crockford's base32 in lower case: no i, l, o, u, nothing that needs escaping in
 * a URL, a CSS selector, a DOM id or (after the letter prefix) a Python identifier.
 */
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
