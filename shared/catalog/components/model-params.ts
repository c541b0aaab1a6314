/** Parameters shared by several model families (trees, ensembles, neighbours, SVMs). */
import type { ParamDef } from '../types.ts';

export const nEstimatorsParam: ParamDef = {
  name: 'n_estimators',
  label: 'Trees',
  kind: 'int',
  default: 100,
  min: 1,
  max: 10_000,
  help: 'Number of trees. More is steadier but slower.',
};

export const maxDepthParam = (defaultDepth: number | null): ParamDef => ({
  name: 'max_depth',
  label: 'Max depth',
  kind: 'int',
  default: defaultDepth,
  nullable: defaultDepth === null,
  min: 1,
  help:
    defaultDepth === null
      ? 'Deepest a tree may grow. Empty: until leaves are pure (may overfit).'
      : 'Depth of each tree.',
});

export const minSamplesSplitParam: ParamDef = {
  name: 'min_samples_split',
  label: 'Min rows to split',
  kind: 'int',
  default: 2,
  min: 2,
  help: 'A node needs at least this many training rows to be split.',
};

export const minSamplesLeafParam: ParamDef = {
  name: 'min_samples_leaf',
  label: 'Min rows per leaf',
  kind: 'int',
  default: 1,
  min: 1,
  help: 'Every leaf keeps at least this many training rows (larger smooths the model).',
};

export const learningRateParam: ParamDef = {
  name: 'learning_rate',
  label: 'Learning rate',
  kind: 'float',
  default: 0.1,
  min: 0,
  exclusiveMin: true,
  help: 'Shrinks each tree’s contribution; smaller needs more trees.',
};

export const subsampleParam: ParamDef = {
  name: 'subsample',
  label: 'Row subsample',
  kind: 'float',
  default: 1,
  min: 0,
  max: 1,
  exclusiveMin: true,
  help: 'Fraction of rows each tree sees (below 1 is stochastic gradient boosting).',
};

export const regularizationCParam: ParamDef = {
  name: 'C',
  label: 'C (inverse regularisation)',
  kind: 'float',
  default: 1,
  min: 0,
  exclusiveMin: true,
  help: 'Smaller values regularise more strongly.',
};

export const svmKernelParam: ParamDef = {
  name: 'kernel',
  label: 'Kernel',
  kind: 'choice',
  default: 'rbf',
  choices: ['rbf', 'linear', 'poly', 'sigmoid'],
  help: 'Similarity function between rows.',
};

export const svmGammaParam: ParamDef = {
  name: 'gamma',
  label: 'Gamma',
  kind: 'choice',
  default: 'scale',
  choices: ['scale', 'auto'],
  help: 'Kernel width for rbf/poly/sigmoid: "scale" uses 1 / (features × variance).',
};

export const svmDegreeParam: ParamDef = {
  name: 'degree',
  label: 'Degree',
  kind: 'int',
  default: 3,
  min: 0,
  help: 'Degree of the poly kernel (ignored by other kernels).',
};

export const nNeighborsParam: ParamDef = {
  name: 'n_neighbors',
  label: 'Neighbours',
  kind: 'int',
  default: 5,
  min: 1,
  help: 'Number of nearest training rows that vote.',
};

export const neighborWeightsParam: ParamDef = {
  name: 'weights',
  label: 'Weights',
  kind: 'choice',
  default: 'uniform',
  choices: ['uniform', 'distance'],
  help: 'Equal votes, or closer neighbours count more.',
};

export const minkowskiPParam: ParamDef = {
  name: 'p',
  label: 'Minkowski p',
  kind: 'int',
  default: 2,
  min: 1,
  help: '1 is Manhattan distance, 2 is Euclidean.',
};

export const fitInterceptParam: ParamDef = {
  name: 'fit_intercept',
  label: 'Fit intercept',
  kind: 'bool',
  default: true,
  help: 'Learn a constant term (turn off only for centred data).',
};

export const histMaxIterParam: ParamDef = {
  name: 'max_iter',
  label: 'Boosting rounds',
  kind: 'int',
  default: 100,
  min: 1,
  help: 'Number of boosting iterations (trees per class).',
};
