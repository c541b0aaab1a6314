/** Clustering templates. */
import { edge, node, type PipelineTemplate } from './build.ts';

export const irisKMeans: PipelineTemplate = {
  id: 'iris-kmeans',
  name: 'Iris: k-means clustering',
  description:
    'Group flowers into three clusters from their measurements alone (the species column is dropped) and score the separation.',
  graph: {
    nodes: [
      node('data', 'sklearn.datasets.load_iris', 0, 1),
      node('drop', 'dominoml.prepare.DropColumns', 1, 1, { columns: ['target'] }, 'Drop species'),
      node('split', 'sklearn.model_selection.train_test_split', 2, 1, { test_size: 0.3 }),
      node('scaler', 'sklearn.preprocessing.StandardScaler', 2, 0),
      node('kmeans', 'sklearn.cluster.KMeans', 3, 0, { n_clusters: 3 }),
      node('train', 'dominoml.model.Fit', 4, 1),
      node('silhouette', 'dominoml.evaluate.Silhouette', 5, 1),
    ],
    edges: [
      edge('data.table', 'drop.table'),
      edge('drop.table', 'split.table'),
      edge('scaler.out', 'kmeans.preprocess'),
      edge('kmeans.estimator', 'train.estimator'),
      edge('split.split', 'train.split'),
      edge('train.model', 'silhouette.model'),
    ],
  },
};
