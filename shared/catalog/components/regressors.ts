/** Regressors: predict a number. Each outputs an unfitted estimator for a "Train model" node. */
import { defineEstimator } from '../define.ts';
import { randomStateParam } from '../params.ts';
import type { ComponentDef, ParamDef } from '../types.ts';
import {
  fitInterceptParam,
  histMaxIterParam,
  learningRateParam,
  maxDepthParam,
  minkowskiPParam,
  minSamplesLeafParam,
  minSamplesSplitParam,
  nEstimatorsParam,
  neighborWeightsParam,
  nNeighborsParam,
  regularizationCParam,
  subsampleParam,
  svmDegreeParam,
  svmGammaParam,
  svmKernelParam,
} from './model-params.ts';

const regressionCriterionParam: ParamDef = {
  name: 'criterion',
  label: 'Criterion',
  kind: 'choice',
  default: 'squared_error',
  choices: ['squared_error', 'absolute_error', 'friedman_mse', 'poisson'],
  help: 'Split quality measure.',
};

const alphaParam = (help: string): ParamDef => ({
  name: 'alpha',
  label: 'Alpha (regularisation)',
  kind: 'float',
  default: 1,
  min: 0,
  help,
});

export const linearRegression = defineEstimator({
  module: 'sklearn.linear_model',
  className: 'LinearRegression',
  task: 'regressor',
  label: 'Linear regression',
  description: 'Ordinary least squares: the simplest regression baseline.',
  docs: 'Fits a straight-line (hyperplane) relationship. Unregularised; prefer ridge with many correlated features.',
  icon: 'chart-line',
  params: [
    fitInterceptParam,
    {
      name: 'positive',
      label: 'Positive coefficients',
      kind: 'bool',
      default: false,
      help: 'Force all coefficients to be non-negative.',
    },
  ],
});

export const ridge = defineEstimator({
  module: 'sklearn.linear_model',
  className: 'Ridge',
  task: 'regressor',
  label: 'Ridge regression',
  description: 'Linear regression with an L2 penalty that shrinks coefficients.',
  docs: 'Stable with correlated features. Scale features first so the penalty treats them equally.',
  icon: 'chart-spline',
  params: [
    alphaParam('Penalty strength; 0 is ordinary least squares.'),
    fitInterceptParam,
    {
      name: 'solver',
      label: 'Solver',
      kind: 'choice',
      default: 'auto',
      choices: ['auto', 'svd', 'cholesky', 'lsqr', 'sparse_cg', 'sag', 'saga'],
      help: 'Optimisation algorithm.',
    },
    randomStateParam('Seed used by the sag and saga solvers.'),
  ],
});

export const lasso = defineEstimator({
  module: 'sklearn.linear_model',
  className: 'Lasso',
  task: 'regressor',
  label: 'Lasso regression',
  description: 'Linear regression with an L1 penalty that sets some coefficients to zero.',
  docs: 'Selects features as it fits. Scale features first. Raise "Max iterations" if it does not converge.',
  icon: 'chart-no-axes-combined',
  params: [
    alphaParam('Penalty strength; larger values zero out more coefficients.'),
    fitInterceptParam,
    {
      name: 'max_iter',
      label: 'Max iterations',
      kind: 'int',
      default: 1000,
      min: 1,
      help: 'Solver iterations.',
    },
    randomStateParam('Seed used when selection is random.'),
  ],
});

export const randomForestRegressor = defineEstimator({
  module: 'sklearn.ensemble',
  className: 'RandomForestRegressor',
  task: 'regressor',
  label: 'Random forest regressor',
  description: 'Averages many decorrelated regression trees.',
  docs: 'Robust with little tuning; needs no scaling.',
  icon: 'trees',
  params: [
    nEstimatorsParam,
    regressionCriterionParam,
    maxDepthParam(null),
    minSamplesSplitParam,
    minSamplesLeafParam,
    {
      name: 'max_features',
      label: 'Features per split',
      kind: 'choice',
      // scikit-learn's default 1.0 means "all features", which is what None means too.
      default: null,
      nullable: true,
      choices: [null, 'sqrt', 'log2'],
      help: 'Features considered at each split; empty means all.',
    },
    randomStateParam('Seed of bootstrapping and feature sampling.'),
  ],
});

export const gradientBoostingRegressor = defineEstimator({
  module: 'sklearn.ensemble',
  className: 'GradientBoostingRegressor',
  task: 'regressor',
  label: 'Gradient boosting regressor',
  description: 'Shallow regression trees added one after another.',
  docs: 'Often very accurate on tabular data.',
  icon: 'rocket',
  params: [
    {
      name: 'loss',
      label: 'Loss',
      kind: 'choice',
      default: 'squared_error',
      choices: ['squared_error', 'absolute_error', 'huber', 'quantile'],
      help: 'What each step minimises.',
    },
    nEstimatorsParam,
    learningRateParam,
    maxDepthParam(3),
    subsampleParam,
    randomStateParam(),
  ],
});

export const histGradientBoostingRegressor = defineEstimator({
  module: 'sklearn.ensemble',
  className: 'HistGradientBoostingRegressor',
  task: 'regressor',
  label: 'Histogram gradient boosting regressor',
  description: 'Fast gradient boosting for larger tables; handles missing values natively.',
  docs: 'Bins features into histograms (LightGBM-style). Accepts NaN without an imputer.',
  icon: 'zap',
  params: [learningRateParam, histMaxIterParam, maxDepthParam(null), randomStateParam()],
  ml: { acceptsMissing: true },
});

export const svr = defineEstimator({
  module: 'sklearn.svm',
  className: 'SVR',
  task: 'regressor',
  label: 'Support vector regressor',
  description: 'Kernel regression that ignores errors smaller than epsilon.',
  docs: 'Scale features and consider scaling the target; training time grows quickly with rows.',
  icon: 'spline',
  params: [
    regularizationCParam,
    svmKernelParam,
    svmGammaParam,
    svmDegreeParam,
    {
      name: 'epsilon',
      label: 'Epsilon',
      kind: 'float',
      default: 0.1,
      min: 0,
      help: 'Width of the tube within which errors are not penalised.',
    },
  ],
});

export const kNeighborsRegressor = defineEstimator({
  module: 'sklearn.neighbors',
  className: 'KNeighborsRegressor',
  task: 'regressor',
  label: 'k-nearest neighbours regressor',
  description: 'Predicts the average target of the nearest training rows.',
  docs: 'Distance based: scale features first.',
  icon: 'users',
  params: [nNeighborsParam, neighborWeightsParam, minkowskiPParam],
});

export const decisionTreeRegressor = defineEstimator({
  module: 'sklearn.tree',
  className: 'DecisionTreeRegressor',
  task: 'regressor',
  label: 'Decision tree regressor',
  description: 'A single tree of if/else rules predicting a number.',
  docs: 'Limit depth or leaf size to avoid overfitting.',
  icon: 'git-fork',
  params: [
    regressionCriterionParam,
    maxDepthParam(null),
    minSamplesSplitParam,
    minSamplesLeafParam,
    randomStateParam('Seed for tie-breaking between equally good splits.'),
  ],
});

export const regressorComponents: readonly ComponentDef[] = [
  linearRegression,
  ridge,
  lasso,
  randomForestRegressor,
  gradientBoostingRegressor,
  histGradientBoostingRegressor,
  svr,
  kNeighborsRegressor,
  decisionTreeRegressor,
];
