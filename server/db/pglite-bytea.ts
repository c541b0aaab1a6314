/**
 * Fast bytea for PGlite. By default PGlite turns a bytea parameter into hex text and parses bytea
 * results back from hex, both one byte at a time in JavaScript: ~60 ms to write and ~30 ms to read
 * the state of a 1,000-node pipeline document (~430 KB).
 * - Writing: a serializer that returns the bytes themselves makes PGlite bind the parameter in
 *   binary format (its bind message sends any ArrayBuffer view as binary), with no conversion.
 * - Reading: results arrive as hex text; Node's native hex codec decodes them in a few ms.
 * The round trip is covered by every test that stores and reloads a document.
 */
import { types } from '@electric-sql/pglite';

export const pgliteByteaSerializers = {
  // PGlite types serializers as returning strings; a Uint8Array is what selects the binary format.
  [types.BYTEA]: ((value: Uint8Array) => value) as unknown as (value: unknown) => string,
};

export const pgliteByteaParsers = {
  // A Buffer is a Uint8Array; the schema's bytea type turns it into a plain one.
  [types.BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex'),
};
