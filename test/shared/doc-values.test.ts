import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../shared/catalog/types.ts';
import { randomId } from '../../shared/doc/ids.ts';
import { cloneJson, isJsonValue, JSON_MAX_DEPTH, jsonEquals } from '../../shared/doc/json.ts';
import {
  createUserOrigin,
  describeOrigin,
  isUserOrigin,
  MIGRATION_ORIGIN,
  REMOTE_ORIGIN,
  RESTORE_ORIGIN,
} from '../../shared/doc/origins.ts';
import { containsProtoKey } from './helpers/doc-fixtures.ts';

describe('randomId', () => {
  it('makes prefixed, URL- and identifier-safe ids without collisions', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => randomId('node')));
    expect(ids.size).toBe(20_000);
    for (const id of Array.from(ids).slice(0, 100)) expect(id).toMatch(/^n_[0-9a-hjkmnp-tv-z]{20}$/);
    expect(randomId('edge')).toMatch(/^e_/);
  });
});

describe('JSON values', () => {
  it('accepts JSON and rejects everything else', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        // fast-check builds some objects with a null prototype; JSON round-trips them to plain ones.
        // …and `__proto__` keys are refused on purpose (see json.ts).
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(isJsonValue(parsed)).toBe(!containsProtoKey(parsed));
      }),
    );
    for (const bad of [
      undefined,
      Number.NaN,
      -Infinity,
      1n,
      Symbol('s'),
      () => 0,
      new Date(),
      new Uint8Array(1),
      [undefined],
    ]) {
      expect(isJsonValue(bad)).toBe(false);
    }
    let deep: unknown = 0;
    for (let level = 0; level < JSON_MAX_DEPTH; level++) deep = [deep];
    expect(isJsonValue(deep)).toBe(true);
    expect(isJsonValue([deep])).toBe(false);
  });

  it('clones deeply and compares structurally', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (generated) => {
        const value = generated as JsonValue; // fast-check's JsonValue admits `undefined` members
        const copy = cloneJson(value);
        expect(copy).toEqual(value);
        expect(jsonEquals(copy, value)).toBe(true);
      }),
    );
    expect(jsonEquals({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEquals([1, 2], [2, 1])).toBe(false);
    expect(jsonEquals({ a: undefined } as never, { b: 1 } as never)).toBe(false);
  });
});

describe('origins', () => {
  it('are distinct by identity and describable', () => {
    const one = createUserOrigin('alice');
    const two = createUserOrigin('alice');
    expect(one).not.toBe(two);
    expect(isUserOrigin(one)).toBe(true);
    expect(isUserOrigin(REMOTE_ORIGIN)).toBe(false);
    expect([one, REMOTE_ORIGIN, MIGRATION_ORIGIN, RESTORE_ORIGIN].map(describeOrigin)).toEqual([
      'user alice',
      'remote replica',
      'system migration',
      'version restore',
    ]);
    expect(Object.isFrozen(one)).toBe(true);
  });
});
