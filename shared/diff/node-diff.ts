/** Node-level part of the graph diff: which node ids appear, disappear or differ. */
import type { JsonValue } from '../catalog/types.ts';
import { jsonEquals } from '../doc/json.ts';
import { compareIds } from '../doc/layout.ts';
import type { PipelineNode } from '../graph/types.ts';
import { type DefaultsOf, effectiveParam, paramNames } from './effective-params.ts';
import type { GraphDiff, NodeChange, ParamChange } from './types.ts';

export interface NodeDiffOptions {
  includeMoves: boolean;
  defaultsOf: DefaultsOf;
}

export function diffNodes(
  a: readonly PipelineNode[],
  b: readonly PipelineNode[],
  options: NodeDiffOptions,
): GraphDiff['nodes'] {
  const before = new Map(a.map((node) => [node.id, node]));
  const after = new Map(b.map((node) => [node.id, node]));
  const added: PipelineNode[] = [];
  const removed: PipelineNode[] = [];
  const changed: NodeChange[] = [];
  for (const node of before.values()) if (!after.has(node.id)) removed.push(node);
  for (const node of after.values()) {
    const old = before.get(node.id);
    if (!old) {
      added.push(node);
      continue;
    }
    const change = diffNode(old, node, options);
    if (change) changed.push(change);
  }
  const byId = (x: { id: string }, y: { id: string }) => compareIds(x.id, y.id);
  added.sort(byId);
  removed.sort(byId);
  changed.sort((x, y) => compareIds(x.nodeId, y.nodeId));
  return { added, removed, changed };
}

/** What differs between two nodes with the same id, or null when nothing (that counts) does. */
export function diffNode(a: PipelineNode, b: PipelineNode, options: NodeDiffOptions): NodeChange | null {
  const change: NodeChange = { nodeId: a.id, params: diffParams(a, b, options.defaultsOf) };
  if (a.type !== b.type) change.type = { before: a.type, after: b.type };
  if (a.label !== b.label) change.label = { before: a.label, after: b.label };
  if (options.includeMoves && (a.x !== b.x || a.y !== b.y)) {
    change.moved = { before: { x: a.x ?? 0, y: a.y ?? 0 }, after: { x: b.x ?? 0, y: b.y ?? 0 } };
  }
  const differs = change.type || change.label || change.moved || change.params.length > 0;
  return differs ? change : null;
}

function diffParams(a: PipelineNode, b: PipelineNode, defaultsOf: DefaultsOf): ParamChange[] {
  const names = paramNames(a, defaultsOf);
  for (const name of paramNames(b, defaultsOf)) names.add(name);
  const changes: ParamChange[] = [];
  for (const name of [...names].sort(compareIds)) {
    const before = effectiveParam(a, name, defaultsOf);
    const after = effectiveParam(b, name, defaultsOf);
    if (sameValue(before, after)) continue;
    const change: ParamChange = { name };
    // Absent rather than `undefined`: the diff travels as JSON, which has no `undefined`.
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    changes.push(change);
  }
  return changes;
}

function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return jsonEquals(a, b);
}
