/**
 * JSON values as stored in the document (parameter values, clipboard payloads).
 *
 * Yjs stores a plain value by reference and encodes it with lib0; both details matter:
 * - a value the caller mutates after writing would change this replica only, so values are cloned;
 * - lib0 decodes objects with `obj[key] = …`, so a `__proto__` key would become the decoded
 *   object's prototype on every other replica and the replicas would disagree. Such keys are
 *   rejected outright.
 */
import type { JsonValue } from '../catalog/types.ts';

/** Deeper values are rejected: parameters are shallow, and this bounds recursion on hostile input. */
export const JSON_MAX_DEPTH = 32;

const FORBIDDEN_KEY = '__proto__';

/** Whether a string may be used as an object key or parameter name. */
export function isSafeKey(key: string): boolean {
  return key !== FORBIDDEN_KEY;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** True for finite numbers, strings, booleans, null, and arrays/plain objects of those. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (depth >= JSON_MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    // An index loop, not `every`: `every` skips holes, which are `undefined`, which is not JSON.
    for (let index = 0; index < value.length; index++) {
      if (!isJsonValue(value[index], depth + 1)) return false;
    }
    return true;
  }
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) {
    if (!isSafeKey(key) || !isJsonValue(value[key], depth + 1)) return false;
  }
  return true;
}

/** A deep copy of a JSON value, so later mutation on either side cannot leak into the other. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  // fromEntries defines own properties, so even a `__proto__` key could not reach the prototype.
  return Object.fromEntries(Object.keys(value).map((key) => [key, cloneJson(value[key])])) as T;
}

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => jsonEquals(item, b[index]));
  }
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key]));
}
