/** Output stages: files written into OUTPUT_DIR and reported as artifacts. */
import { readString } from '../../analysis/param-values.ts';
import type { StageContext, StageResult } from '../context.ts';
import { pyLiteral } from '../py-literal.ts';

/** Two nodes asking for the same file name get distinct files (`model.joblib`, `model_2.joblib`). */
function outputFile(ctx: StageContext): string {
  const requested = readString(ctx.params, 'filename');
  const dot = requested.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [requested.slice(0, dot), requested.slice(dot)] : [requested, ''];
  return `${ctx.files.take(stem)}${extension}`;
}

export function emitSaveModel(ctx: StageContext): StageResult {
  const model = ctx.input('model');
  if (model?.kind !== 'model') return { skipped: 'no fitted model' };
  ctx.imports.module('joblib');
  const path = ctx.names.take('model_path');
  ctx.line(`${path} = OUTPUT_DIR / ${pyLiteral(outputFile(ctx))}`);
  ctx.line(`joblib.dump(${model.variable}, ${path})`);
  ctx.artifact(path, 'model');
  return {};
}

export function emitSavePredictions(ctx: StageContext): StageResult {
  const model = ctx.input('model');
  if (model?.kind !== 'model') return { skipped: 'no fitted model' };
  ctx.imports.module('pandas', 'pd');
  const canPredict = model.estimator.info.def.ml?.canPredict !== false;
  // DBSCAN cannot label new rows: its predictions are the labels of the rows it was fitted on.
  const test = canPredict && readString(ctx.params, 'split') !== 'train';
  const X = test ? model.split.xTest : model.split.xTrain;
  const y = test ? model.split.yTest : model.split.yTrain;
  const predicted = canPredict ? `${model.variable}.predict(${X})` : `${model.variable}[-1].labels_`;
  const frame = ctx.names.take('predictions');
  const path = ctx.names.take('predictions_path');
  const columns = y === null ? `{'prediction': ${predicted}}` : `{'true': ${y}, 'prediction': ${predicted}}`;
  ctx.line(`${frame} = pd.DataFrame(${columns}, index=${X}.index)`);
  ctx.line(`${path} = OUTPUT_DIR / ${pyLiteral(outputFile(ctx))}`);
  ctx.line(`${frame}.to_csv(${path})`);
  ctx.artifact(path, 'predictions');
  return {};
}
