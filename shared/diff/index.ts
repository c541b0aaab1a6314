/**
 * Comparing versions: `diffGraphs` (semantic, keyed by node id) and `diffText` (unified line diff
 * of generated code). Pure; the server's compare endpoint and the canvas both use it.
 */
export { diffEdges } from './edge-diff.ts';
export { catalogDefaults, effectiveParam } from './effective-params.ts';
export { diffGraphs, type GraphDiffOptions, isEmptyDiff } from './graph-diff.ts';
export { diffNode, diffNodes } from './node-diff.ts';
export { diffText, formatUnifiedDiff, splitLines, type TextDiffOptions } from './text-diff.ts';
export type * from './types.ts';
