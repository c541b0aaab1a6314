/** The component catalog: every component DominoML offers, looked up by id. */
import { classifierComponents } from './components/classifiers.ts';
import { clusteringComponents } from './components/clustering.ts';
import { composeComponents } from './components/compose.ts';
import { dataSourceComponents } from './components/data-sources.ts';
import { evaluationComponents } from './components/evaluation.ts';
import { outputComponents } from './components/output.ts';
import { prepareComponents } from './components/prepare.ts';
import { preprocessingComponents } from './components/preprocessing.ts';
import { regressorComponents } from './components/regressors.ts';
import { trainingComponents } from './components/training.ts';
import { tuningComponents } from './components/tuning.ts';
import type { ComponentDef, ComponentRegistry } from './types.ts';

/**
 * Version of the catalog as a whole: bumped whenever a component's `version` is, so a stored
 * document (or a cached `GET /api/components`) can tell whether it predates a change.
 */
export const CATALOG_VERSION = 1;

/** In library order: sources first, outputs last. */
export const ALL_COMPONENTS: readonly ComponentDef[] = [
  ...dataSourceComponents,
  ...prepareComponents,
  ...preprocessingComponents,
  ...composeComponents,
  ...classifierComponents,
  ...regressorComponents,
  ...clusteringComponents,
  ...tuningComponents,
  ...trainingComponents,
  ...evaluationComponents,
  ...outputComponents,
];

export function createRegistry(components: readonly ComponentDef[]): ComponentRegistry {
  const byId = new Map<string, ComponentDef>();
  for (const component of components) {
    if (byId.has(component.id)) throw new Error(`Duplicate component id ${component.id}`);
    byId.set(component.id, component);
  }
  return {
    get: (type) => byId.get(type),
    all: () => components,
  };
}

export const catalog: ComponentRegistry = createRegistry(ALL_COMPONENTS);
