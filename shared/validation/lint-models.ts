/**
 * ML lint on models: the estimator's task against the target, evaluations and scorers against
 * the task, DBSCAN asked to predict new rows, and outputs nothing uses.
 */

import type { EstimatorInfo } from '../analysis/estimators.ts';
import { readString, resolveParams } from '../analysis/param-values.ts';
import type { EstimatorTask } from '../catalog/types.ts';
import type { PipelineNode } from '../graph/types.ts';
import { trainedModelFeeding, type ValidationContext } from './context.ts';
import { type Problem, problem } from './problems.ts';

const TASK_WORD: Readonly<Record<EstimatorTask, string>> = {
  classifier: 'a classifier',
  regressor: 'a regressor',
  clusterer: 'a clustering model',
};

export function checkTargetFit(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const { fit, estimator, split } of ctx.trained) {
    if (!estimator?.task || !split) continue;
    const model = estimator.model;
    if (estimator.task !== 'clusterer' && split.target === null) {
      problems.push(
        problem({
          severity: 'error',
          code: 'no-target',
          nodeId: fit.id,
          message: `${ctx.name(model)} is ${TASK_WORD[estimator.task]} and needs a target, but the data reaching ${ctx.name(fit)} has none.`,
          fix: 'Choose the column to predict with “Select features & target” before the split (and do not drop it).',
        }),
      );
      continue;
    }
    const facts = split.targetFacts;
    if (!facts || split.target === null) continue;
    if (estimator.task === 'classifier' && facts.kind === 'continuous') {
      problems.push(
        problem({
          severity: facts.kindCertain ? 'error' : 'warning',
          code: 'classifier-on-continuous-target',
          nodeId: model.id,
          message: `${ctx.name(model)} is a classifier, but the target “${split.target}” holds continuous numbers${facts.kindCertain ? '' : ' (judging by its type)'}: scikit-learn refuses continuous labels.`,
          fix: 'Use a regressor (e.g. Ridge or Random forest regressor) with Regression metrics, or choose a categorical target.',
        }),
      );
    }
    if (estimator.task === 'regressor' && facts.kind === 'categorical') {
      const text = /^(object|string|str|category)/.test(facts.dtype);
      problems.push(
        problem({
          severity: text ? 'error' : 'warning',
          code: 'regressor-on-categorical-target',
          nodeId: model.id,
          message: `${ctx.name(model)} is a regressor, but the target “${split.target}” holds categories${text ? ' as text, which a regressor cannot fit' : ': it would predict in-between values such as 1.4'}.`,
          fix: 'Use a classifier (e.g. Logistic regression or Random forest classifier) with Classification metrics.',
        }),
      );
    }
  }
  return problems;
}

/** Which task each evaluation stage needs. */
const EVALUATION_TASK: Readonly<Record<string, EstimatorTask>> = {
  'classification-metrics': 'classifier',
  'confusion-matrix': 'classifier',
  'regression-metrics': 'regressor',
  silhouette: 'clusterer',
};

const EVALUATION_FOR_TASK: Readonly<Record<EstimatorTask, string>> = {
  classifier: 'Classification metrics or a Confusion matrix',
  regressor: 'Regression metrics',
  clusterer: 'the Silhouette score',
};

const CLASSIFICATION_SCORERS = new Set([
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'f1_weighted',
  'roc_auc',
]);
const REGRESSION_SCORERS = new Set([
  'r2',
  'neg_mean_squared_error',
  'neg_root_mean_squared_error',
  'neg_mean_absolute_error',
]);

function scorerTask(scoring: string): EstimatorTask | undefined {
  if (CLASSIFICATION_SCORERS.has(scoring)) return 'classifier';
  if (REGRESSION_SCORERS.has(scoring)) return 'regressor';
  return undefined;
}

function scoringProblem(
  ctx: ValidationContext,
  node: PipelineNode,
  task: EstimatorTask,
  model: PipelineNode,
) {
  const def = ctx.def(node);
  const scoring = def ? readString(resolveParams(def, node), 'scoring') : '';
  const needed = scoring === '' ? undefined : scorerTask(scoring);
  if (!needed || needed === task) return [];
  return [
    problem({
      severity: 'error',
      code: 'scoring-task-mismatch',
      nodeId: node.id,
      param: 'scoring',
      message: `${ctx.name(node)} scores with “${scoring}”, a ${needed === 'classifier' ? 'classification' : 'regression'} score, but ${ctx.name(model)} is ${TASK_WORD[task]}.`,
      fix: `Pick a ${task === 'classifier' ? 'classification score such as accuracy or f1_macro' : task === 'regressor' ? 'regression score such as r2' : 'empty scoring (the model’s own score)'}.`,
    }),
  ];
}

/** DBSCAN has neither `predict` nor `score`: searching or cross-validating it cannot work. */
function unscorableProblem(ctx: ValidationContext, node: PipelineNode, estimator: EstimatorInfo): Problem[] {
  if (estimator.def.ml?.canPredict !== false) return [];
  return [
    problem({
      severity: 'error',
      code: 'scoring-task-mismatch',
      nodeId: node.id,
      message: `${ctx.name(node)} needs to score ${ctx.name(estimator.model)} on rows it was not fitted on, which ${estimator.def.shortName} cannot do.`,
      fix: 'Evaluate it with the Silhouette score instead, or use k-means.',
    }),
  ];
}

export function checkSearches(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const { estimator } of ctx.trained) {
    if (!estimator?.task) continue;
    for (const search of estimator.searches) {
      problems.push(...scoringProblem(ctx, search, estimator.task, estimator.model));
      problems.push(...unscorableProblem(ctx, search, estimator));
    }
  }
  return problems;
}

export function checkEvaluations(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const nodeId of ctx.order) {
    const node = ctx.index.node(nodeId)!;
    const stage = ctx.stage(node) ?? '';
    const estimator = trainedModelFeeding(ctx, node)?.estimator;
    if (!estimator?.task) continue;
    const task = estimator.task;
    const needed = EVALUATION_TASK[stage];
    if (needed && needed !== task) {
      problems.push(
        problem({
          severity: 'error',
          code: 'metric-task-mismatch',
          nodeId,
          message: `${ctx.name(node)} evaluates ${TASK_WORD[needed].replace(/^an? /, '')}s, but ${ctx.name(estimator.model)} is ${TASK_WORD[task]}.`,
          fix: `Evaluate it with ${EVALUATION_FOR_TASK[task]} instead.`,
        }),
      );
    }
    if (stage === 'cross-validation') {
      problems.push(...scoringProblem(ctx, node, task, estimator.model));
      problems.push(...unscorableProblem(ctx, node, estimator));
    }
    const def = ctx.def(node);
    const testRows = def !== undefined && readString(resolveParams(def, node), 'split') !== 'train';
    if (stage === 'save-predictions' && estimator.def.ml?.canPredict === false && testRows) {
      problems.push(
        problem({
          severity: 'warning',
          code: 'cannot-predict-new-rows',
          nodeId,
          param: 'split',
          message: `${ctx.name(estimator.model)} cannot assign new rows to clusters, so ${ctx.name(node)} uses the training rows instead of the test rows.`,
          fix: 'Set “Rows” to train, or use k-means, which can label new rows.',
        }),
      );
    }
  }
  return problems;
}

/** Transformers and estimators whose output goes nowhere produce no code: say so. */
export function checkUnusedOutputs(ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const nodeId of ctx.order) {
    const node = ctx.index.node(nodeId)!;
    const def = ctx.def(node);
    const output = def?.outputs[0];
    if (!output || (output.type !== 'transformer' && output.type !== 'estimator')) continue;
    if (ctx.index.outgoing(nodeId).length > 0) continue;
    problems.push(
      problem({
        severity: 'warning',
        code: 'unused-output',
        nodeId,
        message:
          output.type === 'transformer'
            ? `${ctx.name(node)} is not connected to a model, so it is never applied.`
            : `${ctx.name(node)} is never trained: nothing uses its estimator.`,
        fix:
          output.type === 'transformer'
            ? 'Connect its output to a model’s “Preprocessing” input (or to the next step of a chain).'
            : 'Connect it to a “Train model” node together with a train/test split.',
      }),
    );
  }
  return problems;
}
