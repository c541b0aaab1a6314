/** Classifiers: predict a category. Each outputs an unfitted estimator for a "Train model" node. */
import { defineEstimator } from '../define.ts';
import { randomStateParam } from '../params.ts';
import type { ComponentDef } from '../types.ts';
import {
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

export const logisticRegression = defineEstimator({
  module: 'sklearn.linear_model',
  className: 'LogisticRegression',
  task: 'classifier',
  label: 'Logistic regression',
  description: 'Linear classifier with class probabilities; a strong first baseline.',
  docs:
    'Fits a linear decision boundary. Scale features first for faster, more reliable convergence; raise ' +
    '"Max iterations" if scikit-learn warns that it did not converge.',
  icon: 'trending-up',
  params: [
    regularizationCParam,
    {
      name: 'penalty',
      label: 'Penalty',
      kind: 'choice',
      default: 'l2',
      nullable: true,
      choices: ['l2', 'l1', 'elasticnet', null],
      help: 'Regularisation. l1 and elasticnet need the liblinear or saga solver.',
    },
    {
      name: 'solver',
      label: 'Solver',
      kind: 'choice',
      default: 'lbfgs',
      choices: ['lbfgs', 'liblinear', 'newton-cg', 'newton-cholesky', 'sag', 'saga'],
      help: 'Optimisation algorithm.',
    },
    {
      name: 'l1_ratio',
      label: 'L1 ratio',
      kind: 'float',
      default: null,
      nullable: true,
      min: 0,
      max: 1,
      help: 'Mix of l1 in elasticnet (0 = l2, 1 = l1).',
    },
    {
      name: 'max_iter',
      label: 'Max iterations',
      kind: 'int',
      default: 100,
      min: 1,
      help: 'Solver iterations.',
    },
    randomStateParam('Seed used by the liblinear and saga solvers.'),
  ],
});

export const randomForestClassifier = defineEstimator({
  module: 'sklearn.ensemble',
  className: 'RandomForestClassifier',
  task: 'classifier',
  label: 'Random forest classifier',
  description: 'Many decorrelated decision trees voting; robust with little tuning.',
  docs: 'Averages trees grown on bootstrap samples with random feature subsets. Needs no scaling.',
  icon: 'trees',
  params: [
    nEstimatorsParam,
    {
      name: 'criterion',
      label: 'Criterion',
      kind: 'choice',
      default: 'gini',
      choices: ['gini', 'entropy', 'log_loss'],
      help: 'Split quality measure.',
    },
    maxDepthParam(null),
    minSamplesSplitParam,
    minSamplesLeafParam,
    {
      name: 'max_features',
      label: 'Features per split',
      kind: 'choice',
      default: 'sqrt',
      nullable: true,
      choices: ['sqrt', 'log2', null],
      help: 'Features considered at each split; empty means all.',
    },
    randomStateParam('Seed of bootstrapping and feature sampling.'),
  ],
});

export const gradientBoostingClassifier = defineEstimator({
  module: 'sklearn.ensemble',
  className: 'GradientBoostingClassifier',
  task: 'classifier',
  label: 'Gradient boosting classifier',
  description: 'Shallow trees added one after another, each fixing the last one’s errors.',
  docs: 'Often very accurate on tabular data; slower to train than a random forest.',
  icon: 'rocket',
  params: [nEstimatorsParam, learningRateParam, maxDepthParam(3), subsampleParam, randomStateParam()],
});

export const histGradientBoostingClassifier = defineEstimator({
  module: 'sklearn.ensemble',
  className: 'HistGradientBoostingClassifier',
  task: 'classifier',
  label: 'Histogram gradient boosting classifier',
  description: 'Fast gradient boosting for larger tables; handles missing values natively.',
  docs: 'Bins features into histograms (LightGBM-style). Accepts NaN without an imputer.',
  icon: 'zap',
  params: [learningRateParam, histMaxIterParam, maxDepthParam(null), randomStateParam()],
  ml: { acceptsMissing: true },
});

export const svc = defineEstimator({
  module: 'sklearn.svm',
  className: 'SVC',
  task: 'classifier',
  label: 'Support vector classifier',
  description: 'Maximum-margin classifier with kernels; scale features first.',
  docs: 'Effective on small and medium tables with a kernel. Training time grows quickly with rows.',
  icon: 'spline',
  params: [
    regularizationCParam,
    svmKernelParam,
    svmGammaParam,
    svmDegreeParam,
    {
      name: 'probability',
      label: 'Probabilities',
      kind: 'bool',
      default: false,
      help: 'Enable predict_proba (slower: internal cross-validation).',
    },
    randomStateParam('Seed of the probability calibration.'),
  ],
});

export const kNeighborsClassifier = defineEstimator({
  module: 'sklearn.neighbors',
  className: 'KNeighborsClassifier',
  task: 'classifier',
  label: 'k-nearest neighbours classifier',
  description: 'Predicts the majority class of the nearest training rows.',
  docs: 'Distance based: scale features first. Nothing is learned beyond storing the training rows.',
  icon: 'users',
  params: [nNeighborsParam, neighborWeightsParam, minkowskiPParam],
});

export const decisionTreeClassifier = defineEstimator({
  module: 'sklearn.tree',
  className: 'DecisionTreeClassifier',
  task: 'classifier',
  label: 'Decision tree classifier',
  description: 'A single readable tree of if/else rules.',
  docs: 'Easy to explain, prone to overfitting unless depth or leaf size is limited.',
  icon: 'git-fork',
  params: [
    {
      name: 'criterion',
      label: 'Criterion',
      kind: 'choice',
      default: 'gini',
      choices: ['gini', 'entropy', 'log_loss'],
      help: 'Split quality measure.',
    },
    maxDepthParam(null),
    minSamplesSplitParam,
    minSamplesLeafParam,
    randomStateParam('Seed for tie-breaking between equally good splits.'),
  ],
});

export const gaussianNB = defineEstimator({
  module: 'sklearn.naive_bayes',
  className: 'GaussianNB',
  task: 'classifier',
  label: 'Gaussian naive Bayes',
  description: 'Probabilistic classifier assuming independent, normally distributed features.',
  docs: 'Very fast; a useful baseline even when its assumptions do not hold.',
  icon: 'sigma',
  params: [
    {
      name: 'var_smoothing',
      label: 'Variance smoothing',
      kind: 'float',
      default: 1e-9,
      min: 0,
      help: 'Portion of the largest variance added to all variances for stability.',
    },
  ],
});

export const mlpClassifier = defineEstimator({
  module: 'sklearn.neural_network',
  className: 'MLPClassifier',
  task: 'classifier',
  label: 'Neural network classifier',
  description: 'Multi-layer perceptron trained with backpropagation.',
  docs: 'Scale features first. Raise "Max iterations" if it warns that it did not converge.',
  icon: 'brain',
  params: [
    {
      name: 'hidden_layer_sizes',
      label: 'Hidden layers',
      kind: 'json',
      default: [100],
      list: { of: 'int', min: 1, minLength: 1, maxLength: 10 },
      help: 'Neurons per hidden layer, e.g. [64, 32].',
      python: { tuple: true },
    },
    {
      name: 'activation',
      label: 'Activation',
      kind: 'choice',
      default: 'relu',
      choices: ['relu', 'tanh', 'logistic', 'identity'],
      help: 'Activation of hidden neurons.',
    },
    {
      name: 'alpha',
      label: 'L2 penalty',
      kind: 'float',
      default: 0.0001,
      min: 0,
      help: 'Strength of weight decay.',
    },
    {
      name: 'learning_rate_init',
      label: 'Learning rate',
      kind: 'float',
      default: 0.001,
      min: 0,
      exclusiveMin: true,
      help: 'Initial step size of the adam solver.',
    },
    {
      name: 'max_iter',
      label: 'Max iterations',
      kind: 'int',
      default: 200,
      min: 1,
      help: 'Training epochs.',
    },
    {
      name: 'early_stopping',
      label: 'Early stopping',
      kind: 'bool',
      default: false,
      help: 'Stop when a held-out 10% of the training rows stops improving.',
    },
    randomStateParam('Seed of weight initialisation and shuffling.'),
  ],
});

export const classifierComponents: readonly ComponentDef[] = [
  logisticRegression,
  randomForestClassifier,
  gradientBoostingClassifier,
  histGradientBoostingClassifier,
  svc,
  kNeighborsClassifier,
  decisionTreeClassifier,
  gaussianNB,
  mlpClassifier,
];
