/** Regression templates. */
import { edge, node, type PipelineTemplate } from './build.ts';

export const diabetesRidge: PipelineTemplate = {
  id: 'diabetes-ridge',
  name: 'Diabetes: ridge regression',
  description:
    'Predict disease progression with a regularised linear model; report RMSE, MAE and R² and save predictions.',
  graph: {
    nodes: [
      node('data', 'sklearn.datasets.load_diabetes', 0, 1),
      node('split', 'sklearn.model_selection.train_test_split', 1, 1, { test_size: 0.2 }),
      node('scaler', 'sklearn.preprocessing.StandardScaler', 1, 0),
      node('ridge', 'sklearn.linear_model.Ridge', 2, 0, { alpha: 1 }),
      node('train', 'dominoml.model.Fit', 3, 1),
      node('metrics', 'dominoml.evaluate.RegressionMetrics', 4, 0),
      node('cv', 'dominoml.evaluate.CrossValidation', 4, 1, { scoring: 'r2' }),
      node('predictions', 'dominoml.output.SavePredictions', 4, 2),
    ],
    edges: [
      edge('data.table', 'split.table'),
      edge('scaler.out', 'ridge.preprocess'),
      edge('ridge.estimator', 'train.estimator'),
      edge('split.split', 'train.split'),
      edge('train.model', 'metrics.model'),
      edge('train.model', 'cv.model'),
      edge('train.model', 'predictions.model'),
    ],
  },
};
