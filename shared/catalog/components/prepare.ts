/**
 * Preparation before modelling: choosing the target, removing columns or rows, splitting rows
 * into training and test partitions, and a cross-validation plan.
 */
import { randomStateParam } from '../params.ts';
import { PREVIOUS_STEP_INPUT, SPLIT_INPUT, SPLIT_OUTPUT, TABLE_INPUT, TABLE_OUTPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';

export const selectTarget: ComponentDef = {
  id: 'dominoml.prepare.SelectTarget',
  version: 1,
  category: 'prepare',
  label: 'Select features & target',
  shortName: 'features/target',
  description: 'Choose the column to predict and, optionally, the feature columns.',
  docs:
    'Marks one column as the target (what the model predicts). The train/test split separates it from the ' +
    'features. Leave "Features" empty to use every other column. Bundled datasets already mark `target`.',
  icon: 'crosshair',
  inputs: [TABLE_INPUT],
  outputs: [TABLE_OUTPUT],
  params: [
    {
      name: 'target',
      label: 'Target column',
      kind: 'column',
      default: 'target',
      required: true,
      help: 'The column the model learns to predict.',
      python: { emit: 'none' },
    },
    {
      name: 'features',
      label: 'Features',
      kind: 'columns',
      default: [],
      help: 'Columns the model may use. Empty: every column except the target.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'select-target' },
  ml: {},
};

export const dropColumns: ComponentDef = {
  id: 'dominoml.prepare.DropColumns',
  version: 1,
  category: 'prepare',
  label: 'Drop columns',
  shortName: 'drop',
  description: 'Remove columns from the table (identifiers, leaks, free text).',
  docs:
    'Removes the listed columns. Dropping the target column leaves a table without a target, which only ' +
    'clustering models can use.',
  icon: 'columns-3',
  inputs: [TABLE_INPUT],
  outputs: [TABLE_OUTPUT],
  params: [
    {
      name: 'columns',
      label: 'Columns',
      kind: 'columns',
      default: [],
      required: true,
      help: 'Columns to remove.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'drop-columns' },
  ml: {},
};

export const dropMissingRows: ComponentDef = {
  id: 'dominoml.prepare.DropMissingRows',
  version: 1,
  category: 'prepare',
  label: 'Drop rows with missing values',
  shortName: 'dropna',
  description: 'Remove rows that have a missing value (pandas dropna).',
  docs:
    'Removes every row with a missing value in the chosen columns (all columns when empty). Rows without ' +
    'a target must go before training; for features an imputer usually keeps more data.',
  icon: 'eraser',
  inputs: [TABLE_INPUT],
  outputs: [TABLE_OUTPUT],
  params: [
    {
      name: 'columns',
      label: 'Columns',
      kind: 'columns',
      default: [],
      help: 'Only look for missing values here. Empty: every column.',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'drop-missing-rows' },
  ml: {},
};

export const trainTestSplit: ComponentDef = {
  id: 'sklearn.model_selection.train_test_split',
  version: 1,
  category: 'prepare',
  label: 'Train/test split',
  shortName: 'train_test_split',
  description: 'Hold out rows for an honest test score.',
  docs:
    'Separates features (X) from the target (y) and splits the rows into a training part, on which the whole ' +
    'pipeline is fitted, and a test part, used only for evaluation. Stratifying keeps class proportions equal ' +
    'in both parts (classification only).',
  icon: 'split',
  inputs: [TABLE_INPUT],
  outputs: [SPLIT_OUTPUT],
  params: [
    {
      name: 'test_size',
      label: 'Test fraction',
      kind: 'float',
      default: 0.25,
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      help: 'Share of rows held out for testing (scikit-learn uses 0.25 when unset).',
    },
    {
      name: 'shuffle',
      label: 'Shuffle',
      kind: 'bool',
      default: true,
      help: 'Shuffle rows before splitting. Turn off only for data already in a meaningful random order.',
    },
    {
      name: 'stratify',
      label: 'Stratify by target',
      kind: 'bool',
      default: false,
      help: 'Keep the class proportions of the target in both parts (scikit-learn: stratify=y).',
      python: { emit: 'none' },
    },
    randomStateParam('Seed of the shuffle.'),
  ],
  python: { kind: 'stage', stage: 'train-test-split' },
  ml: {},
};

export const kFold: ComponentDef = {
  id: 'sklearn.model_selection.KFold',
  version: 1,
  category: 'prepare',
  label: 'K-fold cross-validation',
  shortName: 'KFold',
  description: 'Plan k-fold cross-validation on the training rows.',
  docs:
    'Attaches a cross-validation splitter to the training partition. "Cross-validated scores" uses it to ' +
    'score the pipeline on k folds of the training rows; the test rows stay untouched. Stratified folds keep ' +
    'class proportions (StratifiedKFold).',
  icon: 'layers',
  inputs: [SPLIT_INPUT],
  outputs: [SPLIT_OUTPUT],
  params: [
    { name: 'n_splits', label: 'Folds', kind: 'int', default: 5, min: 2, max: 100, help: 'Number of folds.' },
    {
      name: 'stratified',
      label: 'Stratified',
      kind: 'bool',
      default: false,
      help: 'Use StratifiedKFold: every fold keeps the class proportions (classification only).',
      python: { emit: 'none' },
    },
    {
      name: 'shuffle',
      label: 'Shuffle',
      kind: 'bool',
      default: false,
      help: 'Shuffle rows before cutting folds (the seed applies only then).',
    },
    randomStateParam('Seed of the shuffle (used only when shuffling).'),
  ],
  python: { kind: 'stage', stage: 'k-fold' },
  ml: {},
};

/**
 * Fits a transformer chain on a whole table. Legitimate for stateless steps, but a step that
 * learns from data (a scaler, an imputer) sees the test rows when this sits before the split:
 * the lint reports that as leakage. It exists so that mistake can be drawn, named and fixed.
 */
export const transformTable: ComponentDef = {
  id: 'dominoml.prepare.TransformTable',
  version: 1,
  category: 'prepare',
  label: 'Transform table',
  shortName: 'fit_transform',
  description: 'Apply a transformer chain to every row of a table (before any split).',
  docs:
    'Fits the connected transformer chain on all feature columns of the table and replaces them with the ' +
    'output; the target column is kept. Anything that learns from data should instead go into the ' +
    "model's Preprocessing input, where it is fitted on the training rows only.",
  icon: 'wand-sparkles',
  inputs: [TABLE_INPUT, { ...PREVIOUS_STEP_INPUT, id: 'transformer', label: 'Transformer', required: true }],
  outputs: [TABLE_OUTPUT],
  params: [],
  python: { kind: 'stage', stage: 'transform-table' },
  ml: {},
};

export const prepareComponents: readonly ComponentDef[] = [
  selectTarget,
  dropColumns,
  dropMissingRows,
  trainTestSplit,
  kFold,
  transformTable,
];
