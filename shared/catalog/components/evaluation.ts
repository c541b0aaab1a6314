/**
 * Evaluation of a fitted model on its held-out rows. Every number is reported as a metric event
 * (`{"type":"metric",…}`), files as artifacts.
 */

import { splitChoiceParam } from '../params.ts';
import { METRICS_OUTPUT, MODEL_INPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';
import { SCORING_CHOICES } from './tuning.ts';

const evaluatedSplitParam = splitChoiceParam(
  'Score on the held-out test rows (honest) or on the training rows (to spot overfitting).',
);

export const classificationMetrics: ComponentDef = {
  id: 'dominoml.evaluate.ClassificationMetrics',
  version: 1,
  category: 'evaluate',
  label: 'Classification metrics',
  shortName: 'accuracy/F1',
  description: 'Accuracy, precision, recall and F1 of a classifier.',
  docs:
    'Reports accuracy and the averaged precision, recall and F1. "macro" weights every class equally, ' +
    '"weighted" by its frequency. Undefined precision (a class never predicted) counts as 0.',
  icon: 'target',
  inputs: [MODEL_INPUT],
  outputs: [METRICS_OUTPUT],
  params: [
    evaluatedSplitParam,
    {
      name: 'average',
      label: 'Average',
      kind: 'choice',
      default: 'macro',
      choices: ['macro', 'weighted', 'micro'],
      help: 'How per-class scores combine.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'classification-metrics' },
  ml: {},
};

export const regressionMetrics: ComponentDef = {
  id: 'dominoml.evaluate.RegressionMetrics',
  version: 1,
  category: 'evaluate',
  label: 'Regression metrics',
  shortName: 'RMSE/MAE/R²',
  description: 'Root mean squared error, mean absolute error and R² of a regressor.',
  docs: 'RMSE and MAE are in the target’s units (lower is better); R² is 1 for a perfect fit and 0 for the mean.',
  icon: 'gauge',
  inputs: [MODEL_INPUT],
  outputs: [METRICS_OUTPUT],
  params: [evaluatedSplitParam],
  python: { kind: 'stage', stage: 'regression-metrics' },
  ml: {},
};

export const confusionMatrixEvaluation: ComponentDef = {
  id: 'dominoml.evaluate.ConfusionMatrix',
  version: 1,
  category: 'evaluate',
  label: 'Confusion matrix',
  shortName: 'confusion_matrix',
  description: 'Counts of true versus predicted classes, saved as CSV.',
  docs: 'Rows are true classes, columns predicted classes. Saved as an artifact and printed.',
  icon: 'grid-3x3',
  inputs: [MODEL_INPUT],
  outputs: [METRICS_OUTPUT],
  params: [
    evaluatedSplitParam,
    {
      name: 'normalize',
      label: 'Normalise',
      kind: 'choice',
      default: null,
      nullable: true,
      choices: [null, 'true', 'pred', 'all'],
      help: 'Show counts, or fractions per true class, per predicted class or of all rows.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'confusion-matrix' },
  ml: {},
};

export const crossValidatedScores: ComponentDef = {
  id: 'dominoml.evaluate.CrossValidation',
  version: 1,
  category: 'evaluate',
  label: 'Cross-validated scores',
  shortName: 'cross_val_score',
  description: 'Mean and spread of a score over folds of the training rows.',
  docs:
    'Refits a fresh copy of the pipeline on each fold of the training rows (from a K-fold node upstream of the ' +
    'split, or "Folds" plain folds) and reports the mean and standard deviation of the score.',
  icon: 'list-checks',
  inputs: [MODEL_INPUT],
  outputs: [METRICS_OUTPUT],
  params: [
    {
      name: 'scoring',
      label: 'Scoring',
      kind: 'choice',
      default: null,
      nullable: true,
      choices: SCORING_CHOICES,
      help: 'Score to compute. Empty: the estimator’s own score (accuracy or R²).',
      python: { emit: 'none' },
    },
    {
      name: 'cv',
      label: 'Folds',
      kind: 'int',
      default: 5,
      min: 2,
      max: 50,
      help: 'Number of folds when no K-fold node plans them.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'cross-validation' },
  ml: {},
};

export const silhouette: ComponentDef = {
  id: 'dominoml.evaluate.Silhouette',
  version: 1,
  category: 'evaluate',
  label: 'Silhouette score',
  shortName: 'silhouette_score',
  description: 'How well separated the clusters are (−1 to 1, higher is better).',
  docs:
    'Computed in the space the clusterer saw (after preprocessing). Uses the test rows when the clusterer can ' +
    'assign new rows (k-means), otherwise the training rows (DBSCAN). Needs at least two clusters.',
  icon: 'sparkles',
  inputs: [MODEL_INPUT],
  outputs: [METRICS_OUTPUT],
  params: [
    {
      name: 'metric',
      label: 'Distance',
      kind: 'choice',
      default: 'euclidean',
      choices: ['euclidean', 'manhattan', 'cosine'],
      help: 'Distance between rows.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'silhouette' },
  ml: {},
};

export const evaluationComponents: readonly ComponentDef[] = [
  classificationMetrics,
  regressionMetrics,
  confusionMatrixEvaluation,
  crossValidatedScores,
  silhouette,
];
