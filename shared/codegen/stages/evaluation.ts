/** Evaluation stages: each scores the fitted model on its own split's rows and reports metrics. */
import { readNumber, readString } from '../../analysis/param-values.ts';
import type { ModelValue, StageContext, StageResult } from '../context.ts';
import { pyLiteral } from '../py-literal.ts';
import { scoringName } from './estimators.ts';

function modelInput(ctx: StageContext): ModelValue | undefined {
  const value = ctx.input('model');
  return value?.kind === 'model' ? value : undefined;
}

/** The rows an evaluation reads: `X`, `y` variables and the split name reported with metrics. */
function evaluatedRows(model: ModelValue, which: string) {
  const test = which !== 'train';
  return {
    X: test ? model.split.xTest : model.split.xTrain,
    y: test ? model.split.yTest : model.split.yTrain,
    split: test ? 'test' : 'train',
  };
}

export function emitClassificationMetrics(ctx: StageContext): StageResult {
  const model = modelInput(ctx);
  if (!model) return { skipped: 'no fitted model' };
  const rows = evaluatedRows(model, readString(ctx.params, 'split'));
  if (rows.y === null) return { skipped: 'the split has no target' };
  const average = readString(ctx.params, 'average') || 'macro';
  const predicted = ctx.names.take('y_pred');
  ctx.line(`${predicted} = ${model.variable}.predict(${rows.X})`);
  const accuracy = ctx.imports.from('sklearn.metrics', 'accuracy_score');
  ctx.metric('accuracy', `${accuracy}(${rows.y}, ${predicted})`, rows.split);
  for (const metric of ['precision', 'recall', 'f1'] as const) {
    const scorer = ctx.imports.from('sklearn.metrics', `${metric}_score`);
    // zero_division=0: a class never predicted scores 0 instead of raising a warning per run.
    const args = `${rows.y}, ${predicted}, average=${pyLiteral(average)}, zero_division=0`;
    ctx.metric(`${metric}_${average}`, `${scorer}(${args})`, rows.split);
  }
  return {};
}

export function emitRegressionMetrics(ctx: StageContext): StageResult {
  const model = modelInput(ctx);
  if (!model) return { skipped: 'no fitted model' };
  const rows = evaluatedRows(model, readString(ctx.params, 'split'));
  if (rows.y === null) return { skipped: 'the split has no target' };
  const predicted = ctx.names.take('y_pred');
  ctx.line(`${predicted} = ${model.variable}.predict(${rows.X})`);
  const mse = ctx.imports.from('sklearn.metrics', 'mean_squared_error');
  const mae = ctx.imports.from('sklearn.metrics', 'mean_absolute_error');
  const r2 = ctx.imports.from('sklearn.metrics', 'r2_score');
  ctx.metric('rmse', `${mse}(${rows.y}, ${predicted}, squared=False)`, rows.split);
  ctx.metric('mae', `${mae}(${rows.y}, ${predicted})`, rows.split);
  ctx.metric('r2', `${r2}(${rows.y}, ${predicted})`, rows.split);
  return {};
}

export function emitConfusionMatrix(ctx: StageContext): StageResult {
  const model = modelInput(ctx);
  if (!model) return { skipped: 'no fitted model' };
  const rows = evaluatedRows(model, readString(ctx.params, 'split'));
  if (rows.y === null) return { skipped: 'the split has no target' };
  ctx.imports.module('pandas', 'pd');
  const confusion = ctx.imports.from('sklearn.metrics', 'confusion_matrix');
  const uniqueLabels = ctx.imports.from('sklearn.utils.multiclass', 'unique_labels');
  const predicted = ctx.names.take('y_pred');
  const labels = ctx.names.take('labels');
  const matrix = ctx.names.take('confusion');
  const path = ctx.names.take('confusion_path');
  const normalize = ctx.params.normalize;
  const normalizeArg = typeof normalize === 'string' ? `, normalize=${pyLiteral(normalize)}` : '';
  ctx.line(`${predicted} = ${model.variable}.predict(${rows.X})`);
  ctx.line(`${labels} = ${uniqueLabels}(${rows.y}, ${predicted})`);
  ctx.line(
    `${matrix} = pd.DataFrame(${confusion}(${rows.y}, ${predicted}, labels=${labels}${normalizeArg}), index=${labels}, columns=${labels})`,
  );
  ctx.line(`print(${matrix})`);
  ctx.line(`${path} = OUTPUT_DIR / ${pyLiteral(`${ctx.files.take('confusion_matrix')}.csv`)}`);
  ctx.line(`${matrix}.to_csv(${path})`);
  ctx.artifact(path, 'confusion_matrix');
  return {};
}

export function emitCrossValidation(ctx: StageContext): StageResult {
  const model = modelInput(ctx);
  if (!model) return { skipped: 'no fitted model' };
  const crossValScore = ctx.imports.from('sklearn.model_selection', 'cross_val_score');
  const scoring = ctx.params.scoring;
  const scores = ctx.names.take('cv_scores');
  const cv = model.split.cv ?? pyLiteral(readNumber(ctx.params, 'cv') ?? 5);
  const y = model.split.yTrain === null ? '' : `, ${model.split.yTrain}`;
  const scoringArg = typeof scoring === 'string' ? `, scoring=${pyLiteral(scoring)}` : '';
  // cross_val_score refits a fresh clone of the unfitted estimator on every fold of the training rows.
  ctx.line(
    `${scores} = ${crossValScore}(${model.estimator.variable}, ${model.split.xTrain}${y}, cv=${cv}${scoringArg})`,
  );
  const name = `cv_${scoringName(scoring)}`;
  ctx.metric(`${name}_mean`, `${scores}.mean()`, 'cv');
  ctx.metric(`${name}_std`, `${scores}.std()`, 'cv');
  return {};
}

export function emitSilhouette(ctx: StageContext): StageResult {
  const model = modelInput(ctx);
  if (!model) return { skipped: 'no fitted model' };
  const silhouetteScore = ctx.imports.from('sklearn.metrics', 'silhouette_score');
  const canPredict = model.estimator.info.def.ml?.canPredict !== false;
  const rows = canPredict ? model.split.xTest : model.split.xTrain;
  const splitName = canPredict ? 'test' : 'train';
  const labels = ctx.names.take('cluster_labels');
  const space = ctx.names.take('cluster_space');
  // A clusterer that cannot label new rows (DBSCAN) is scored on the rows it was fitted on.
  ctx.line(
    canPredict
      ? `${labels} = ${model.variable}.predict(${rows})`
      : `${labels} = ${model.variable}[-1].labels_`,
  );
  // Distances are measured where the clusterer saw the data: after its preprocessing.
  const hasPreprocessing = model.estimator.info.steps.length > 0;
  ctx.line(`${space} = ${hasPreprocessing ? `${model.variable}[:-1].transform(${rows})` : rows}`);
  const metric = pyLiteral(readString(ctx.params, 'metric') || 'euclidean');
  ctx.line(`if 1 < len(set(${labels})) < len(${labels}):`);
  ctx.line(
    `    report_metric(${pyLiteral(ctx.node.id)}, 'silhouette', ${silhouetteScore}(${space}, ${labels}, metric=${metric}), ${pyLiteral(splitName)})`,
  );
  ctx.line('else:');
  ctx.line(`    print('Silhouette score needs between 2 and n - 1 clusters; found', len(set(${labels})))`);
  return {};
}
