/** Outputs: files a run leaves behind, reported as artifacts (`{"type":"artifact",…}`). */

import { outputFileParam, splitChoiceParam } from '../params.ts';
import { MODEL_INPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';

export const saveModel: ComponentDef = {
  id: 'dominoml.output.SaveModel',
  version: 1,
  category: 'output',
  label: 'Save model',
  shortName: 'joblib.dump',
  description: 'Write the fitted pipeline to a joblib file.',
  docs:
    'Saves the whole fitted Pipeline (preprocessing and model) with joblib; load it with `joblib.load` and ' +
    'call `predict` on raw feature columns. Loading needs the same scikit-learn version.',
  icon: 'save',
  inputs: [MODEL_INPUT],
  outputs: [],
  params: [outputFileParam('model.joblib', 'model')],
  python: { kind: 'stage', stage: 'save-model' },
  ml: {},
};

export const savePredictions: ComponentDef = {
  id: 'dominoml.output.SavePredictions',
  version: 1,
  category: 'output',
  label: 'Save predictions',
  shortName: 'to_csv',
  description: 'Write predictions (and true values) to a CSV file.',
  docs: 'One row per evaluated row, indexed like the input table, with the true target and the prediction.',
  icon: 'file-down',
  inputs: [MODEL_INPUT],
  outputs: [],
  params: [
    outputFileParam('predictions.csv', 'predictions'),
    splitChoiceParam('Predict the held-out test rows or the training rows.'),
  ],
  python: { kind: 'stage', stage: 'save-predictions' },
  ml: {},
};

export const outputComponents: readonly ComponentDef[] = [saveModel, savePredictions];
