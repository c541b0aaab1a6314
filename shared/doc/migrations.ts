/**
 * Bringing documents written by older versions up to `CURRENT_SCHEMA`, and initialising new ones.
 *
 * Where to run: once where a document is loaded (the server, before clients sync it; a client for
 * a document it holds offline). Migrations are idempotent and write deterministic values, so two
 * replicas migrating the same old document converge to the same content. One hazard remains:
 * a migration that replaces a value by a new Y type (v0 → v1 turns plain `params` objects into
 * Y.Maps) creates one such type per replica, and last-writer-wins keeps one of them; edits made
 * into the losing one before the replicas sync are lost. Migrating at load, before editing, keeps
 * that window closed.
 */
import * as Y from 'yjs';
import type { ComponentRegistry } from '../catalog/types.ts';
import { getMetaMap, getNodesMap, readNodeType, readString } from './layout.ts';
import { normalizeTags } from './meta.ts';
import { MIGRATION_ORIGIN } from './origins.ts';
import { ensureParamsMap } from './params-map.ts';
import { CURRENT_SCHEMA, isEmptyDocument, readSchema } from './schema.ts';

export interface MigrationContext {
  /** The catalog, for migrations that need component definitions (labels, defaults, renames). */
  registry?: ComponentRegistry;
}

export interface Migration {
  /** Applies to documents at schema `from` and leaves them at `from + 1`. */
  from: number;
  description: string;
  /** Runs inside the migration transaction; must be idempotent (it may meet half-migrated data). */
  apply(doc: Y.Doc, context: MigrationContext): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description: 'Store node params as Y.Maps; fill missing labels, positions and meta fields',
    apply(doc, { registry }) {
      for (const value of getNodesMap(doc).values()) {
        // Unreadable nodes stay as they are: the reader reports them, and guessing would hide that.
        if (!(value instanceof Y.Map)) continue;
        const type = readNodeType(value);
        if (type === undefined) continue;
        ensureParamsMap(value);
        if (readString(value, 'label') === undefined) value.set('label', registry?.get(type)?.label ?? type);
        for (const axis of ['x', 'y'] as const) {
          if (typeof value.get(axis) !== 'number') value.set(axis, 0);
        }
      }
      fillMissingMeta(doc, {});
    },
  },
];

export type MigrationResult =
  | { status: 'current'; schema: number }
  | { status: 'migrated'; from: number; to: number; applied: string[] }
  /** Newer than this code: left untouched (open it read-only, or upgrade the client). */
  | { status: 'unsupported'; schema: number };

/**
 * Applies every migration from the document's schema to `CURRENT_SCHEMA` in one transaction with
 * the migration origin (so no person's undo reverts it). An empty document is only stamped.
 */
export function migrateDocument(doc: Y.Doc, context: MigrationContext = {}): MigrationResult {
  const from = readSchema(doc);
  if (from > CURRENT_SCHEMA) return { status: 'unsupported', schema: from };
  if (from === CURRENT_SCHEMA) return { status: 'current', schema: from };
  const applied: string[] = [];
  doc.transact(() => {
    if (!isEmptyDocument(doc)) {
      for (const migration of MIGRATIONS) {
        if (migration.from < from) continue;
        migration.apply(doc, context);
        applied.push(migration.description);
      }
    }
    getMetaMap(doc).set('schema', CURRENT_SCHEMA);
  }, MIGRATION_ORIGIN);
  return { status: 'migrated', from, to: CURRENT_SCHEMA, applied };
}

export interface InitialMeta {
  name: string;
  description?: string;
  tags?: readonly string[];
}

/**
 * Prepares a new pipeline document: stamps the schema and sets the meta fields that are missing.
 * Idempotent: fields already present (another replica initialised first) are kept. A document that
 * already has content but no schema is old: it is migrated rather than stamped, so its data is
 * converted instead of mislabelled. A document from a newer version is left alone. Returns whether
 * it wrote anything.
 */
export function initDocument(doc: Y.Doc, initial: InitialMeta, context: MigrationContext = {}): boolean {
  const schema = readSchema(doc);
  if (schema > CURRENT_SCHEMA) return false;
  let wrote = false;
  doc.transact(() => {
    if (schema < CURRENT_SCHEMA) wrote = migrateDocument(doc, context).status === 'migrated';
    if (fillMissingMeta(doc, initial)) wrote = true;
  }, MIGRATION_ORIGIN);
  return wrote;
}

/** Sets meta fields that are absent or of the wrong type; returns whether it set any. */
function fillMissingMeta(doc: Y.Doc, initial: Partial<InitialMeta>): boolean {
  const meta = getMetaMap(doc);
  let wrote = false;
  if (typeof meta.get('name') !== 'string') {
    meta.set('name', initial.name ?? '');
    wrote = true;
  }
  if (typeof meta.get('description') !== 'string') {
    meta.set('description', initial.description ?? '');
    wrote = true;
  }
  if (!Array.isArray(meta.get('tags'))) {
    meta.set('tags', normalizeTags(initial.tags ?? []));
    wrote = true;
  }
  return wrote;
}
