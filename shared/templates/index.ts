/**
 * Starter pipelines offered when creating a pipeline (`POST /api/pipelines` with a template id,
 * `GET /api/templates`). Each is a plain positioned graph; every one runs end to end in the tests.
 */
import type { PipelineTemplate } from './build.ts';
import { breastCancerSvc, digitsPcaKnn, irisClassification, wineGridSearch } from './classification.ts';
import { irisKMeans } from './clustering.ts';
import { diabetesRidge } from './regression.ts';

export type { PipelineTemplate, TemplateGraph, TemplateNode } from './build.ts';

export const templates: readonly PipelineTemplate[] = [
  irisClassification,
  wineGridSearch,
  breastCancerSvc,
  diabetesRidge,
  digitsPcaKnn,
  irisKMeans,
];

export function findTemplate(id: string): PipelineTemplate | undefined {
  return templates.find((template) => template.id === id);
}
