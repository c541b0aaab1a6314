/** Classification templates on scikit-learn's bundled datasets. */
import { edge, node, type PipelineTemplate } from './build.ts';

export const irisClassification: PipelineTemplate = {
  id: 'iris-logistic-regression',
  name: 'Iris: scaled logistic regression',
  description: 'The classic first pipeline: standardise the four measurements and fit a logistic regression.',
  graph: {
    nodes: [
      node('data', 'sklearn.datasets.load_iris', 0, 1),
      node('split', 'sklearn.model_selection.train_test_split', 1, 1, { stratify: true }),
      node('scaler', 'sklearn.preprocessing.StandardScaler', 1, 0),
      node('model', 'sklearn.linear_model.LogisticRegression', 2, 0, { max_iter: 200 }),
      node('train', 'dominoml.model.Fit', 3, 1),
      node('metrics', 'dominoml.evaluate.ClassificationMetrics', 4, 0),
      node('confusion', 'dominoml.evaluate.ConfusionMatrix', 4, 1),
      node('save', 'dominoml.output.SaveModel', 4, 2, { filename: 'iris-model.joblib' }),
    ],
    edges: [
      edge('data.table', 'split.table'),
      edge('scaler.out', 'model.preprocess'),
      edge('model.estimator', 'train.estimator'),
      edge('split.split', 'train.split'),
      edge('train.model', 'metrics.model'),
      edge('train.model', 'confusion.model'),
      edge('train.model', 'save.model'),
    ],
  },
};

export const wineGridSearch: PipelineTemplate = {
  id: 'wine-random-forest-grid-search',
  name: 'Wine: random forest with grid search',
  description:
    'Tune a random forest’s size and depth with 3-fold grid search, then score the best forest on held-out wines.',
  graph: {
    nodes: [
      node('data', 'sklearn.datasets.load_wine', 0, 1),
      node('split', 'sklearn.model_selection.train_test_split', 1, 1, { stratify: true }),
      node('forest', 'sklearn.ensemble.RandomForestClassifier', 1, 0),
      node('search', 'sklearn.model_selection.GridSearchCV', 2, 0, {
        param_grid: { n_estimators: [20, 40], max_depth: [null, 4] },
        cv: 3,
        scoring: 'accuracy',
      }),
      node('train', 'dominoml.model.Fit', 3, 1),
      node('metrics', 'dominoml.evaluate.ClassificationMetrics', 4, 0),
      node('predictions', 'dominoml.output.SavePredictions', 4, 1),
    ],
    edges: [
      edge('data.table', 'split.table'),
      edge('forest.estimator', 'search.estimator'),
      edge('search.estimator', 'train.estimator'),
      edge('split.split', 'train.split'),
      edge('train.model', 'metrics.model'),
      edge('train.model', 'predictions.model'),
    ],
  },
};

export const breastCancerSvc: PipelineTemplate = {
  id: 'breast-cancer-svc',
  name: 'Breast cancer: scaling + SVC',
  description:
    'A support vector classifier on standardised measurements, with stratified 5-fold cross-validation on the training rows.',
  graph: {
    nodes: [
      node('data', 'sklearn.datasets.load_breast_cancer', 0, 1),
      node('split', 'sklearn.model_selection.train_test_split', 1, 1, { stratify: true, test_size: 0.2 }),
      node('folds', 'sklearn.model_selection.KFold', 2, 2, { stratified: true, shuffle: true }),
      node('scaler', 'sklearn.preprocessing.StandardScaler', 1, 0),
      node('svc', 'sklearn.svm.SVC', 2, 0, { C: 1 }),
      node('train', 'dominoml.model.Fit', 3, 1),
      node('metrics', 'dominoml.evaluate.ClassificationMetrics', 4, 0),
      node('cv', 'dominoml.evaluate.CrossValidation', 4, 1, { scoring: 'f1_macro' }),
    ],
    edges: [
      edge('data.table', 'split.table'),
      edge('split.split', 'folds.split'),
      edge('scaler.out', 'svc.preprocess'),
      edge('svc.estimator', 'train.estimator'),
      edge('folds.split', 'train.split'),
      edge('train.model', 'metrics.model'),
      edge('train.model', 'cv.model'),
    ],
  },
};

export const digitsPcaKnn: PipelineTemplate = {
  id: 'digits-pca-knn',
  name: 'Digits: PCA + k-nearest neighbours',
  description:
    'Compress 64 pixel columns to 20 principal components, then classify digits by their nearest neighbours.',
  graph: {
    nodes: [
      node('data', 'sklearn.datasets.load_digits', 0, 1),
      node('split', 'sklearn.model_selection.train_test_split', 1, 1, { stratify: true }),
      node('scaler', 'sklearn.preprocessing.StandardScaler', 1, 0),
      node('pca', 'sklearn.decomposition.PCA', 2, 0, { n_components: 20 }),
      node('knn', 'sklearn.neighbors.KNeighborsClassifier', 3, 0, { n_neighbors: 5 }),
      node('train', 'dominoml.model.Fit', 4, 1),
      node('metrics', 'dominoml.evaluate.ClassificationMetrics', 5, 0),
      node('confusion', 'dominoml.evaluate.ConfusionMatrix', 5, 1),
    ],
    edges: [
      edge('data.table', 'split.table'),
      edge('scaler.out', 'pca.in'),
      edge('pca.out', 'knn.preprocess'),
      edge('knn.estimator', 'train.estimator'),
      edge('split.split', 'train.split'),
      edge('train.model', 'metrics.model'),
      edge('train.model', 'confusion.model'),
    ],
  },
};
