/**
 * What a version comparison reports (issue 5): a semantic diff of two pipeline graphs keyed by node
 * id, and a unified line diff of their generated code. Plain JSON, so the server can send it and
 * the canvas can draw it as is.
 */
import type { JsonValue } from '../catalog/types.ts';
import type { PipelineEdge, PipelineNode } from '../graph/types.ts';

export interface Change<T> {
  before: T;
  after: T;
}

/**
 * One parameter whose effective value differs. A side is absent when the node does not set the
 * parameter and no catalog default applies (no registry given, or a name the component lacks).
 */
export interface ParamChange {
  name: string;
  before?: JsonValue;
  after?: JsonValue;
}

export interface NodePosition {
  x: number;
  y: number;
}

/** A node present on both sides whose type, label, parameters (or, when asked, position) differ. */
export interface NodeChange {
  nodeId: string;
  type?: Change<string>;
  label?: Change<string>;
  /** Sorted by name. */
  params: ParamChange[];
  /** Only with `includeMoves`. */
  moved?: Change<NodePosition>;
}

export interface GraphDiffSummary {
  nodesAdded: number;
  nodesRemoved: number;
  nodesChanged: number;
  paramsChanged: number;
  edgesAdded: number;
  edgesRemoved: number;
}

export interface GraphDiff {
  nodes: {
    /** Nodes of `b` missing from `a`, sorted by id. */
    added: PipelineNode[];
    /** Nodes of `a` missing from `b`, sorted by id (with their positions, to draw them as ghosts). */
    removed: PipelineNode[];
    changed: NodeChange[];
  };
  edges: {
    /** Edges of `b` (with `b`'s ids) connecting ports `a` does not connect. */
    added: PipelineEdge[];
    /** Edges of `a` (with `a`'s ids) connecting ports `b` does not connect. */
    removed: PipelineEdge[];
  };
  summary: GraphDiffSummary;
}

export type DiffLineKind = 'context' | 'added' | 'removed';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** 1-based line number in the old text (absent for added lines). */
  oldNumber?: number;
  /** 1-based line number in the new text (absent for removed lines). */
  newNumber?: number;
}

/** A unified-diff hunk; starts are 1-based, and for an empty side the line before (as `diff -u`). */
export interface TextHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface TextDiff {
  hunks: TextHunk[];
  added: number;
  removed: number;
}
