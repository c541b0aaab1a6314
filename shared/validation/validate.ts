/**
 * `validateGraph`: structural problems, parameter problems and ML lint for a plain pipeline graph.
 * Pure and synchronous; cheap enough to run on every edit in a worker.
 */
import type { DatasetFactsById } from '../analysis/tables.ts';
import { catalog } from '../catalog/catalog.ts';
import type { ComponentRegistry } from '../catalog/types.ts';
import type { PipelineGraph } from '../graph/types.ts';
import { buildContext } from './context.ts';
import { checkColumns, checkLeakage, checkStratification } from './lint-data.ts';
import { checkFeatureCounts, checkFeatureFlow, checkRoutes } from './lint-features.ts';
import { checkGridSearches } from './lint-grid.ts';
import { checkEvaluations, checkSearches, checkTargetFit, checkUnusedOutputs } from './lint-models.ts';
import { checkParamConflicts } from './lint-params.ts';
import { checkParams } from './params.ts';
import { type Problem, sortProblems } from './problems.ts';
import { checkStructure } from './structure.ts';

export interface ValidationOptions {
  /** Profiles of uploaded datasets by dataset id (columns, dtypes, missing counts). */
  datasets?: DatasetFactsById;
}

const RULES = [
  checkStructure,
  checkParams,
  checkLeakage,
  checkColumns,
  checkStratification,
  checkTargetFit,
  checkEvaluations,
  checkSearches,
  checkParamConflicts,
  checkFeatureFlow,
  checkRoutes,
  checkFeatureCounts,
  checkGridSearches,
  checkUnusedOutputs,
] as const;

export function validateGraph(
  graph: PipelineGraph,
  registry: ComponentRegistry = catalog,
  options: ValidationOptions = {},
): Problem[] {
  const ctx = buildContext(graph, registry, options.datasets ?? {});
  const byId = new Map<string, Problem>();
  // A chain shared by two models is checked twice; one problem per id is enough.
  for (const rule of RULES) for (const found of rule(ctx)) if (!byId.has(found.id)) byId.set(found.id, found);
  return sortProblems([...byId.values()]);
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((found) => found.severity === 'error');
}
