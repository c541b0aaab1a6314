/** Editing a node's parameters. Values are JSON; anything else is refused before writing. */
import type * as Y from 'yjs';
import type { JsonValue } from '../catalog/types.ts';
import { cloneJson, isJsonValue, isSafeKey, jsonEquals } from './json.ts';
import { getNodeMap } from './layout.ts';
import type { DocOrigin } from './origins.ts';
import { ensureParamsMap } from './params-map.ts';

export type ParamEditRejection = 'unknown-node' | 'invalid-name' | 'invalid-value';

export type ParamEditResult =
  | { ok: true /** Names whose stored value changed. */; changed: string[] }
  | { ok: false; reason: ParamEditRejection; message: string };

/**
 * Sets several parameters of one node in one transaction, all or nothing: a single non-JSON value
 * (NaN from a number field, a function, a Date) rejects the whole edit. Values equal to the stored
 * ones are not rewritten (each overwrite stays in the document's history).
 */
export function setParams(
  doc: Y.Doc,
  origin: DocOrigin,
  nodeId: string,
  values: Readonly<Record<string, unknown>>,
): ParamEditResult {
  const node = getNodeMap(doc, nodeId);
  if (!node) return { ok: false, reason: 'unknown-node', message: `No node "${nodeId}"` };
  const names = Object.keys(values);
  for (const name of names) {
    if (name === '' || !isSafeKey(name)) {
      return { ok: false, reason: 'invalid-name', message: `"${name}" cannot be a parameter name` };
    }
    if (!isJsonValue(values[name])) {
      return { ok: false, reason: 'invalid-value', message: `The value of "${name}" is not a JSON value` };
    }
  }
  const changed: string[] = [];
  doc.transact(() => {
    const params = ensureParamsMap(node);
    for (const name of names) {
      const value = values[name] as JsonValue;
      const stored = params.get(name);
      if (params.has(name) && isJsonValue(stored) && jsonEquals(stored, value)) continue;
      params.set(name, cloneJson(value));
      changed.push(name);
    }
  }, origin);
  return { ok: true, changed };
}

export function setParam(
  doc: Y.Doc,
  origin: DocOrigin,
  nodeId: string,
  name: string,
  value: unknown,
): ParamEditResult {
  return setParams(doc, origin, nodeId, { [name]: value });
}

/**
 * Removes parameters so they take the component's default again. Returns the names removed
 * (none for an unknown node).
 */
export function resetParams(
  doc: Y.Doc,
  origin: DocOrigin,
  nodeId: string,
  names: readonly string[],
): string[] {
  const node = getNodeMap(doc, nodeId);
  if (!node) return [];
  const removed: string[] = [];
  doc.transact(() => {
    const params = ensureParamsMap(node);
    for (const name of names) {
      if (!params.has(name)) continue;
      params.delete(name);
      removed.push(name);
    }
  }, origin);
  return removed;
}
