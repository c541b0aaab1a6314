/** Training: fits an estimator's whole Pipeline on the training partition only. */
import { ESTIMATOR_INPUT, MODEL_OUTPUT, SPLIT_INPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';

export const fitModel: ComponentDef = {
  id: 'dominoml.model.Fit',
  version: 1,
  category: 'model',
  label: 'Train model',
  shortName: 'fit',
  description: 'Fit the estimator and its preprocessing on the training rows.',
  docs:
    'Fits the connected estimator — a Pipeline of its preprocessing chain and the model — on X_train and ' +
    'y_train only. The fitted model remembers its split, so evaluation nodes score it on rows it never saw. ' +
    'A grid search is fitted here too, and its best pipeline becomes the model.',
  icon: 'play',
  inputs: [ESTIMATOR_INPUT, SPLIT_INPUT],
  outputs: [MODEL_OUTPUT],
  params: [],
  python: { kind: 'stage', stage: 'fit' },
  ml: {},
};

export const trainingComponents: readonly ComponentDef[] = [fitModel];
