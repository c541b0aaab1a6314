/**
 * Parameter values as the generator sees them: a parameter a node does not set takes its
 * component's default. Comparing effective values means "left at the default" and "set to the
 * default" are not reported as a change, whichever way a document happened to store it.
 */
import type { ComponentRegistry, JsonValue } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';

export type DefaultsOf = (type: string) => ReadonlyMap<string, JsonValue>;

const NO_DEFAULTS: ReadonlyMap<string, JsonValue> = new Map();

/** Per-type default lookup, memoized for one diff (a 1,000-node graph repeats a dozen types). */
export function catalogDefaults(registry: ComponentRegistry | undefined): DefaultsOf {
  if (!registry) return () => NO_DEFAULTS;
  const cache = new Map<string, ReadonlyMap<string, JsonValue>>();
  return (type) => {
    let defaults = cache.get(type);
    if (!defaults) {
      const params = registry.get(type)?.params ?? [];
      defaults = new Map(params.map((param) => [param.name, param.default]));
      cache.set(type, defaults);
    }
    return defaults;
  };
}

/** The node's value for `name`, else the default, else `undefined` (unset, no default known). */
export function effectiveParam(
  node: PipelineNode,
  name: string,
  defaultsOf: DefaultsOf,
): JsonValue | undefined {
  return Object.hasOwn(node.params, name) ? node.params[name] : defaultsOf(node.type).get(name);
}

/** Every parameter name that has a value on the node, by setting or by default. */
export function paramNames(node: PipelineNode, defaultsOf: DefaultsOf): Set<string> {
  const names = new Set(Object.keys(node.params));
  for (const name of defaultsOf(node.type).keys()) names.add(name);
  return names;
}
