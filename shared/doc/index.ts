/**
 * The pipeline document model: typed operations and a tolerant reader over a Yjs document laid out
 * as ARCHITECTURE §3 describes. Start with layout.ts (where things live), then origins.ts and
 * undo.ts (who wrote what, what undo reverts), then the operations.
 */
export * from './awareness.ts';
export * from './clipboard.ts';
export * from './clipboard-parse.ts';
export * from './connection-check.ts';
export * from './edges.ts';
export * from './ids.ts';
export * from './issues.ts';
export * from './json.ts';
export * from './layout.ts';
export * from './meta.ts';
export * from './migrations.ts';
export * from './nodes.ts';
export * from './origins.ts';
export * from './params.ts';
export * from './reader.ts';
export * from './replace-content.ts';
export * from './schema.ts';
export * from './suggestion-layout.ts';
export * from './suggestions.ts';
export * from './undo.ts';
export * from './user-color.ts';
