/** Public surface of the catalog (see README.md for the graph model). */
export {
  BUILTIN_DATASETS,
  BUILTIN_TARGET_COLUMN,
  type BuiltinDataset,
  type TargetKind,
} from './builtin-datasets.ts';
export { ALL_COMPONENTS, CATALOG_VERSION, catalog, createRegistry } from './catalog.ts';
export {
  CATALOG_MIGRATIONS,
  type CatalogMigrations,
  migrateGraph,
  migrateNode,
  type NodeMigrationPlan,
  planNodeMigration,
} from './migrations.ts';
export { isPortCompatible } from './ports.ts';
export type * from './types.ts';
