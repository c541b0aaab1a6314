/** Which emitter writes which component: one exhaustive switch over the emission kinds. */
import type { PythonEmission, StageKind } from '../../catalog/types.ts';
import type { StageContext, StageResult } from '../context.ts';
import {
  emitCsvDataset,
  emitDropColumns,
  emitDropMissingRows,
  emitLoader,
  emitSelectTarget,
  emitTransformTable,
} from './data.ts';
import { emitEstimatorPipeline, emitFit, emitGridSearch } from './estimators.ts';
import {
  emitClassificationMetrics,
  emitConfusionMatrix,
  emitCrossValidation,
  emitRegressionMetrics,
  emitSilhouette,
} from './evaluation.ts';
import { emitSaveModel, emitSavePredictions } from './output.ts';
import { emitKFold, emitTrainTestSplit } from './split.ts';

/**
 * Components that are parts of an expression rather than statements of their own: transformers,
 * column routes and routers appear inside the Pipeline of the estimator that uses them.
 */
export function isInlineComponent(emission: PythonEmission, producesEstimator: boolean): boolean {
  if (emission.kind === 'constructor') return !producesEstimator;
  return (
    emission.kind === 'stage' &&
    (emission.stage === 'column-route' || emission.stage === 'column-transformer')
  );
}

function emitStage(stage: StageKind, ctx: StageContext): StageResult {
  switch (stage) {
    case 'csv-dataset':
      return emitCsvDataset(ctx);
    case 'select-target':
      return emitSelectTarget(ctx);
    case 'drop-columns':
      return emitDropColumns(ctx);
    case 'drop-missing-rows':
      return emitDropMissingRows(ctx);
    case 'train-test-split':
      return emitTrainTestSplit(ctx);
    case 'k-fold':
      return emitKFold(ctx);
    case 'transform-table':
      return emitTransformTable(ctx);
    case 'grid-search':
      return emitGridSearch(ctx);
    case 'fit':
      return emitFit(ctx);
    case 'classification-metrics':
      return emitClassificationMetrics(ctx);
    case 'regression-metrics':
      return emitRegressionMetrics(ctx);
    case 'confusion-matrix':
      return emitConfusionMatrix(ctx);
    case 'cross-validation':
      return emitCrossValidation(ctx);
    case 'silhouette':
      return emitSilhouette(ctx);
    case 'save-model':
      return emitSaveModel(ctx);
    case 'save-predictions':
      return emitSavePredictions(ctx);
    case 'column-route':
    case 'column-transformer':
      return { skipped: 'part of an estimator pipeline' };
    default:
      return stage satisfies never;
  }
}

export function emitComponent(emission: PythonEmission, ctx: StageContext): StageResult {
  switch (emission.kind) {
    case 'loader':
      return emitLoader(ctx, emission.module, emission.functionName);
    case 'constructor':
      return emitEstimatorPipeline(ctx);
    case 'stage':
      return emitStage(emission.stage, ctx);
    default:
      return emission satisfies never;
  }
}
