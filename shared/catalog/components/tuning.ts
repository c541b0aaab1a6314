/** Hyperparameter search: wraps an estimator (with its preprocessing) in GridSearchCV. */
import { ESTIMATOR_INPUT, ESTIMATOR_OUTPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';

/** Scorers valid in scikit-learn 1.2 that make sense for the tasks DominoML offers. */
export const SCORING_CHOICES = [
  null,
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'f1_weighted',
  'roc_auc',
  'r2',
  'neg_mean_squared_error',
  'neg_root_mean_squared_error',
  'neg_mean_absolute_error',
] as const;

export const gridSearchCV: ComponentDef = {
  id: 'sklearn.model_selection.GridSearchCV',
  version: 1,
  category: 'tune',
  label: 'Grid search',
  shortName: 'GridSearchCV',
  description: 'Try every combination of chosen parameter values with cross-validation.',
  docs:
    'Wraps the connected estimator — its whole Pipeline, preprocessing included, so every fold refits the ' +
    'preprocessing on its own rows. "Parameter grid" maps parameter names of the estimator to lists of ' +
    'values, e.g. {"C": [0.1, 1, 10]}. Names without "__" refer to the model step; use the full Pipeline ' +
    'name (e.g. "standardscaler__with_mean") for a preprocessing step. The best combination is refitted on ' +
    'all training rows.',
  icon: 'grid-2x2-check',
  inputs: [ESTIMATOR_INPUT],
  outputs: [ESTIMATOR_OUTPUT],
  params: [
    {
      name: 'param_grid',
      label: 'Parameter grid',
      kind: 'json',
      default: {},
      required: true,
      help: 'Parameter name → list of values to try, e.g. {"n_estimators": [50, 100], "max_depth": [null, 5]}.',
      python: { emit: 'none' },
    },
    { name: 'cv', label: 'Folds', kind: 'int', default: 5, min: 2, max: 50, help: 'Cross-validation folds.' },
    {
      name: 'scoring',
      label: 'Scoring',
      kind: 'choice',
      default: null,
      nullable: true,
      choices: SCORING_CHOICES,
      help: 'What "best" means. Empty: the estimator’s own score (accuracy or R²).',
    },
  ],
  python: { kind: 'stage', stage: 'grid-search' },
  ml: {},
};

export const tuningComponents: readonly ComponentDef[] = [gridSearchCV];
