/**
 * Keeping old documents openable. Documents store component ids and parameter names; when either
 * changes, the old spelling is listed here and `planNodeMigration` maps it to the current one.
 *
 * Renames are idempotent (a node already using the new names is left alone), so a reader can apply
 * them to any document, whatever version wrote it, without knowing that version. A change that is
 * not a rename (a new meaning for a value) needs a component `version` bump and a step here that
 * checks the node's stored version.
 */
import type { JsonValue } from './types.ts';

export interface CatalogMigrations {
  /** Old component id → current id. */
  readonly renamedComponents: Readonly<Record<string, string>>;
  /** Current component id → old parameter name → current name. */
  readonly renamedParams: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const CATALOG_MIGRATIONS: CatalogMigrations = {
  renamedComponents: {
    // scikit-learn 0.22 moved the imputer; documents from importers of old notebooks use the old path.
    'sklearn.preprocessing.Imputer': 'sklearn.impute.SimpleImputer',
  },
  renamedParams: {
    // scikit-learn 1.2 renamed `sparse` to `sparse_output`.
    'sklearn.preprocessing.OneHotEncoder': { sparse: 'sparse_output' },
  },
};

export interface ParamRename {
  from: string;
  to: string;
}

export interface NodeMigrationPlan {
  /** The current component id (equal to the stored one when it was not renamed). */
  type: string;
  /** Parameters to move; a rename whose target name is already set drops the old value instead. */
  renames: ParamRename[];
}

/**
 * What to change on one stored node. Returns null when nothing changes, so the document model can
 * skip writing (each Yjs write stays in the history).
 */
export function planNodeMigration(
  storedType: string,
  storedParamNames: readonly string[],
  migrations: CatalogMigrations = CATALOG_MIGRATIONS,
): NodeMigrationPlan | null {
  const type = Object.hasOwn(migrations.renamedComponents, storedType)
    ? migrations.renamedComponents[storedType]!
    : storedType;
  const paramRenames = Object.hasOwn(migrations.renamedParams, type) ? migrations.renamedParams[type]! : {};
  const renames = storedParamNames
    .filter((name) => Object.hasOwn(paramRenames, name))
    .map((name) => ({ from: name, to: paramRenames[name]! }));
  if (type === storedType && renames.length === 0) return null;
  return { type, renames };
}

/** Applies `planNodeMigration` to a plain node, returning the node itself when nothing changes. */
export function migrateNode<T extends { type: string; params: Record<string, JsonValue> }>(
  node: T,
  migrations: CatalogMigrations = CATALOG_MIGRATIONS,
): T {
  const plan = planNodeMigration(node.type, Object.keys(node.params), migrations);
  if (!plan) return node;
  const params = { ...node.params };
  for (const { from, to } of plan.renames) {
    if (!Object.hasOwn(params, to)) params[to] = params[from]!;
    delete params[from];
  }
  return { ...node, type: plan.type, params };
}

/** Migrates every node of a plain graph (edges refer to node ids, which never change). */
export function migrateGraph<G extends { nodes: { type: string; params: Record<string, JsonValue> }[] }>(
  graph: G,
  migrations: CatalogMigrations = CATALOG_MIGRATIONS,
): G {
  return { ...graph, nodes: graph.nodes.map((node) => migrateNode(node, migrations)) };
}
