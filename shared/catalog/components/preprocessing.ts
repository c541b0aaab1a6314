/**
 * scikit-learn transformers. Each is one step of a chain: its `in` port takes the previous step,
 * its `out` port feeds the next step, a column route, or an estimator's preprocessing.
 */
import { defineTransformer } from '../define.ts';
import type { ComponentDef } from '../types.ts';

export const simpleImputer = defineTransformer({
  module: 'sklearn.impute',
  className: 'SimpleImputer',
  label: 'Impute missing values',
  description: 'Fill missing values with the mean, median, most frequent value or a constant.',
  docs:
    'Replaces NaN with a statistic learned from the training rows. Put it first in the chain when the data ' +
    'has gaps: most estimators refuse NaN. "most_frequent" and "constant" also work on text columns.',
  icon: 'paint-bucket',
  params: [
    {
      name: 'strategy',
      label: 'Strategy',
      kind: 'choice',
      default: 'mean',
      choices: ['mean', 'median', 'most_frequent', 'constant'],
      help: 'What replaces a missing value. mean/median need numeric columns.',
    },
    {
      name: 'fill_value',
      label: 'Fill value',
      kind: 'json',
      default: null,
      nullable: true,
      help: 'The replacement for strategy "constant" (a number or a string). Empty: 0 for numbers, "missing_value" for text.',
    },
    {
      name: 'add_indicator',
      label: 'Add missing indicator',
      kind: 'bool',
      default: false,
      help: 'Append a 0/1 column per feature that had missing values.',
    },
  ],
  ml: { acceptsMissing: true, removesMissing: true, acceptsText: true },
});

export const standardScaler = defineTransformer({
  module: 'sklearn.preprocessing',
  className: 'StandardScaler',
  label: 'Standard scaler',
  description: 'Centre each feature to mean 0 and scale to unit variance.',
  docs:
    'Learns each column’s mean and standard deviation on the training rows. Helps models that depend on ' +
    'distances or gradients (SVM, k-NN, logistic regression, neural networks); trees do not need it.',
  icon: 'scaling',
  params: [
    { name: 'with_mean', label: 'Centre', kind: 'bool', default: true, help: 'Subtract the mean.' },
    {
      name: 'with_std',
      label: 'Scale',
      kind: 'bool',
      default: true,
      help: 'Divide by the standard deviation.',
    },
  ],
  // scikit-learn 1.2 scalers ignore NaN when fitting and keep it when transforming.
  ml: { acceptsMissing: true },
});

export const minMaxScaler = defineTransformer({
  module: 'sklearn.preprocessing',
  className: 'MinMaxScaler',
  label: 'Min-max scaler',
  description: 'Rescale each feature to a fixed range, [0, 1] by default.',
  docs: 'Learns each column’s minimum and maximum on the training rows. Sensitive to outliers.',
  icon: 'move-horizontal',
  params: [
    {
      name: 'feature_range',
      label: 'Range',
      kind: 'json',
      default: [0, 1],
      list: { of: 'float', minLength: 2, maxLength: 2 },
      help: 'Lower and upper bound of the output, e.g. [0, 1].',
      python: { tuple: true },
    },
    { name: 'clip', label: 'Clip', kind: 'bool', default: false, help: 'Clip test values into the range.' },
  ],
  ml: { acceptsMissing: true },
});

export const robustScaler = defineTransformer({
  module: 'sklearn.preprocessing',
  className: 'RobustScaler',
  label: 'Robust scaler',
  description: 'Centre on the median and scale by the interquartile range (robust to outliers).',
  docs: 'Like the standard scaler but uses statistics that outliers barely move.',
  icon: 'shield',
  params: [
    { name: 'with_centering', label: 'Centre', kind: 'bool', default: true, help: 'Subtract the median.' },
    {
      name: 'with_scaling',
      label: 'Scale',
      kind: 'bool',
      default: true,
      help: 'Divide by the quantile range.',
    },
    {
      name: 'quantile_range',
      label: 'Quantile range',
      kind: 'json',
      default: [25, 75],
      list: { of: 'float', min: 0, max: 100, minLength: 2, maxLength: 2 },
      help: 'Lower and upper percentile that define the scale, e.g. [25, 75].',
      python: { tuple: true },
    },
  ],
  ml: { acceptsMissing: true },
});

export const oneHotEncoder = defineTransformer({
  module: 'sklearn.preprocessing',
  className: 'OneHotEncoder',
  label: 'One-hot encoder',
  description: 'Turn each category into its own 0/1 column.',
  docs:
    'Learns the categories seen in the training rows. DominoML ignores categories that appear only in new ' +
    'data (all zeros) instead of failing, which is what a deployed model needs. Route only categorical ' +
    'columns here with a column route.',
  icon: 'binary',
  params: [
    {
      name: 'handle_unknown',
      label: 'Unknown categories',
      kind: 'choice',
      default: 'ignore',
      sklearnDefault: 'error',
      choices: ['ignore', 'error', 'infrequent_if_exist'],
      help: 'What to do with a category not seen in training: "ignore" encodes it as all zeros.',
    },
    {
      name: 'drop',
      label: 'Drop',
      kind: 'choice',
      default: null,
      nullable: true,
      choices: [null, 'first', 'if_binary'],
      help: 'Drop one column per feature ("first") or only for two-category features ("if_binary").',
    },
    {
      name: 'sparse_output',
      label: 'Sparse output',
      kind: 'bool',
      default: true,
      help: 'Return a sparse matrix (memory-efficient for many categories).',
    },
  ],
  // NaN becomes a category of its own, so nothing missing comes out.
  ml: { acceptsMissing: true, removesMissing: true, acceptsText: true, encodesText: true },
});

export const ordinalEncoder = defineTransformer({
  module: 'sklearn.preprocessing',
  className: 'OrdinalEncoder',
  label: 'Ordinal encoder',
  description: 'Turn each category into an integer code.',
  docs: 'Compact encoding for tree models; linear models would read the codes as an order that does not exist.',
  icon: 'list-ordered',
  params: [
    {
      name: 'handle_unknown',
      label: 'Unknown categories',
      kind: 'choice',
      default: 'error',
      choices: ['error', 'use_encoded_value'],
      help: 'Fail on an unseen category, or encode it as "Unknown value".',
    },
    {
      name: 'unknown_value',
      label: 'Unknown value',
      kind: 'int',
      default: null,
      nullable: true,
      help: 'Code for unseen categories when "Unknown categories" is use_encoded_value (e.g. -1).',
    },
  ],
  // NaN passes through as NaN (encoded_missing_value).
  ml: { acceptsMissing: true, acceptsText: true, encodesText: true },
});

export const polynomialFeatures = defineTransformer({
  module: 'sklearn.preprocessing',
  className: 'PolynomialFeatures',
  label: 'Polynomial features',
  description: 'Add products and powers of the features.',
  docs: 'Lets a linear model fit curved relationships. The number of columns grows quickly with the degree.',
  icon: 'superscript',
  params: [
    {
      name: 'degree',
      label: 'Degree',
      kind: 'int',
      default: 2,
      min: 0,
      max: 6,
      help: 'Highest total power.',
    },
    {
      name: 'interaction_only',
      label: 'Interactions only',
      kind: 'bool',
      default: false,
      help: 'Only products of distinct features, no powers.',
    },
    {
      name: 'include_bias',
      label: 'Bias column',
      kind: 'bool',
      default: true,
      help: 'Add a column of ones.',
    },
  ],
  // It only learns the number of input columns, so fitting it on all rows leaks nothing.
  ml: { learnsFromData: false },
});

export const pca = defineTransformer({
  module: 'sklearn.decomposition',
  className: 'PCA',
  label: 'PCA',
  description: 'Project features onto their main directions of variance.',
  docs: 'Principal component analysis. Scale features first; otherwise large-valued columns dominate.',
  icon: 'chart-scatter',
  params: [
    {
      name: 'n_components',
      label: 'Components',
      kind: 'int',
      default: null,
      nullable: true,
      min: 1,
      help: 'Number of components to keep. Empty keeps all.',
    },
    {
      name: 'whiten',
      label: 'Whiten',
      kind: 'bool',
      default: false,
      help: 'Scale components to unit variance.',
    },
    {
      name: 'svd_solver',
      label: 'Solver',
      kind: 'choice',
      default: 'auto',
      choices: ['auto', 'full', 'arpack', 'randomized'],
      help: 'SVD algorithm.',
    },
    {
      name: 'random_state',
      label: 'Random seed',
      kind: 'int',
      default: 0,
      sklearnDefault: null,
      nullable: true,
      min: 0,
      help: 'Seed for the randomized solver. DominoML sets 0 so runs repeat.',
    },
  ],
});

export const selectKBest = defineTransformer({
  module: 'sklearn.feature_selection',
  className: 'SelectKBest',
  label: 'Select k best features',
  description: 'Keep the k features with the strongest univariate relation to the target.',
  docs:
    'Scores each feature against the target on the training rows and keeps the best k. Use f_classif or ' +
    'mutual_info_classif for classification, f_regression for regression; chi2 needs non-negative features.',
  icon: 'filter',
  params: [
    {
      name: 'score_func',
      label: 'Score',
      kind: 'choice',
      default: 'f_classif',
      choices: ['f_classif', 'f_regression', 'mutual_info_classif', 'mutual_info_regression', 'chi2'],
      help: 'Statistic that ranks features.',
      python: { symbolModule: 'sklearn.feature_selection' },
    },
    { name: 'k', label: 'k', kind: 'int', default: 10, min: 0, help: 'Number of features to keep.' },
  ],
});

export const varianceThreshold = defineTransformer({
  module: 'sklearn.feature_selection',
  className: 'VarianceThreshold',
  label: 'Variance threshold',
  description: 'Remove features whose variance is at most a threshold (constant columns by default).',
  docs: 'Drops columns that barely vary on the training rows.',
  icon: 'sliders-horizontal',
  params: [
    {
      name: 'threshold',
      label: 'Threshold',
      kind: 'float',
      default: 0,
      min: 0,
      help: 'Features with a training-set variance at or below this are removed.',
    },
  ],
  ml: { acceptsMissing: true },
});

export const preprocessingComponents: readonly ComponentDef[] = [
  simpleImputer,
  standardScaler,
  minMaxScaler,
  robustScaler,
  oneHotEncoder,
  ordinalEncoder,
  polynomialFeatures,
  pca,
  selectKBest,
  varianceThreshold,
];
