/**
 * Where a comment may be pinned, and when its pin has gone stale.
 *
 * "Outdated" compares the node in the version commented on with the same node in a reference
 * graph (by default the pipeline's newest version; see the comment routes): a comment on a node
 * is outdated when the node was removed or changed (type, label or parameters; moves do not
 * count), and a comment on one parameter only when the node was removed, its type changed, or
 * that parameter's effective value changed.
 */
import { catalog } from '../../shared/catalog/index.ts';
import { diffGraphs } from '../../shared/diff/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';

export interface CommentAnchor {
  nodeId: string | null;
  param: string | null;
}

export interface AnchorProblem {
  field: 'nodeId' | 'param';
  message: string;
}

/** Why an anchor cannot be used on this graph, or null when it can. */
export function anchorProblem(graph: PipelineGraph, anchor: CommentAnchor): AnchorProblem | null {
  if (anchor.nodeId === null) {
    return anchor.param === null ? null : { field: 'param', message: 'A parameter anchor needs a node' };
  }
  const node = graph.nodes.find((candidate) => candidate.id === anchor.nodeId);
  if (!node) return { field: 'nodeId', message: `This version has no node "${anchor.nodeId}"` };
  if (anchor.param === null) return null;
  const known =
    Object.hasOwn(node.params, anchor.param) ||
    (catalog.get(node.type)?.params.some((param) => param.name === anchor.param) ?? false);
  return known
    ? null
    : { field: 'param', message: `The node "${anchor.nodeId}" has no parameter "${anchor.param}"` };
}

/** A predicate telling which anchors on `graph` are outdated in `reference`. */
export function outdatedIn(
  graph: PipelineGraph,
  reference: PipelineGraph,
): (anchor: CommentAnchor) => boolean {
  const diff = diffGraphs(graph, reference, { registry: catalog });
  const removed = new Set(diff.nodes.removed.map((node) => node.id));
  const changed = new Map(diff.nodes.changed.map((change) => [change.nodeId, change]));
  return ({ nodeId, param }) => {
    if (nodeId === null) return false;
    if (removed.has(nodeId)) return true;
    const change = changed.get(nodeId);
    if (!change) return false;
    if (param === null) return true;
    return change.type !== undefined || change.params.some((p) => p.name === param);
  };
}
