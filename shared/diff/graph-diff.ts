/**
 * `diffGraphs(a, b)`: what changed from graph `a` (older) to graph `b` (newer), keyed by node id.
 * Deterministic: the same two graphs always give the same diff, in the same order, whatever order
 * their nodes and edges came in.
 */
import type { ComponentRegistry } from '../catalog/types.ts';
import type { PipelineGraph } from '../graph/types.ts';
import { diffEdges } from './edge-diff.ts';
import { catalogDefaults } from './effective-params.ts';
import { diffNodes } from './node-diff.ts';
import type { GraphDiff } from './types.ts';

export interface GraphDiffOptions {
  /** Report position changes too. Off by default: dragging a node changes nothing a run sees. */
  includeMoves?: boolean;
  /** The catalog, so a parameter left unset compares as its component's default. */
  registry?: ComponentRegistry;
}

export function diffGraphs(a: PipelineGraph, b: PipelineGraph, options: GraphDiffOptions = {}): GraphDiff {
  const nodes = diffNodes(a.nodes, b.nodes, {
    includeMoves: options.includeMoves ?? false,
    defaultsOf: catalogDefaults(options.registry),
  });
  const edges = diffEdges(a.edges, b.edges);
  return {
    nodes,
    edges,
    summary: {
      nodesAdded: nodes.added.length,
      nodesRemoved: nodes.removed.length,
      nodesChanged: nodes.changed.length,
      paramsChanged: nodes.changed.reduce((sum, change) => sum + change.params.length, 0),
      edgesAdded: edges.added.length,
      edgesRemoved: edges.removed.length,
    },
  };
}

/** Whether the diff holds no change at all. */
export function isEmptyDiff(diff: GraphDiff): boolean {
  return Object.values(diff.summary).every((count) => count === 0);
}
