/**
 * The `params` Y.Map of a node: creating it from plain values, and repairing nodes whose params are
 * not a Y.Map (documents older than schema 1 stored a plain object there).
 */
import * as Y from 'yjs';
import type { JsonValue } from '../catalog/types.ts';
import { cloneJson, isJsonValue, isPlainObject, isSafeKey } from './json.ts';

/** A params Y.Map holding clones of `values` (ready to be set into a node map). */
export function createParamsMap(values: Readonly<Record<string, JsonValue>>): Y.Map<unknown> {
  const params = new Y.Map<unknown>();
  for (const name of Object.keys(values).sort()) params.set(name, cloneJson(values[name]));
  return params;
}

/** The JSON entries of a legacy plain-object params value (anything else is dropped). */
export function legacyParamEntries(value: unknown): Record<string, JsonValue> {
  const entries: Record<string, JsonValue> = {};
  if (!isPlainObject(value)) return entries;
  for (const name of Object.keys(value)) {
    const param = value[name];
    if (isSafeKey(name) && isJsonValue(param)) entries[name] = param;
  }
  return entries;
}

/**
 * The node's params Y.Map, replacing a missing or plain-object value by a Y.Map with the same JSON
 * entries. Must run inside a transaction. Two replicas repairing the same node concurrently each
 * set a new Y.Map; one wins, and edits made into the other before they synced are lost, which is
 * why migrations should run once, where the document is loaded (see migrations.ts).
 */
export function ensureParamsMap(nodeMap: Y.Map<unknown>): Y.Map<unknown> {
  const current = nodeMap.get('params');
  if (current instanceof Y.Map) return current;
  const params = createParamsMap(legacyParamEntries(current));
  nodeMap.set('params', params);
  return params;
}
