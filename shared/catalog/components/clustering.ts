/** Clusterers: group rows without a target. Evaluate them with the silhouette score. */
import { defineEstimator } from '../define.ts';
import { randomStateParam } from '../params.ts';
import type { ComponentDef } from '../types.ts';

export const kMeans = defineEstimator({
  module: 'sklearn.cluster',
  className: 'KMeans',
  task: 'clusterer',
  label: 'k-means clustering',
  description: 'Partition rows into k clusters around centroids.',
  docs: 'Assumes round clusters of similar size. Scale features first. New rows go to the nearest centroid.',
  icon: 'circle-dot',
  params: [
    {
      name: 'n_clusters',
      label: 'Clusters',
      kind: 'int',
      default: 8,
      min: 1,
      help: 'Number of clusters (k).',
    },
    {
      name: 'init',
      label: 'Initialisation',
      kind: 'choice',
      default: 'k-means++',
      choices: ['k-means++', 'random'],
      help: 'How starting centroids are chosen.',
    },
    {
      name: 'n_init',
      label: 'Restarts',
      kind: 'int',
      default: 10,
      min: 1,
      help: 'Runs with different starting centroids; the best is kept.',
      // scikit-learn 1.2 warns unless n_init is given explicitly (its default changes in 1.4).
      python: { emit: 'always' },
    },
    {
      name: 'max_iter',
      label: 'Max iterations',
      kind: 'int',
      default: 300,
      min: 1,
      help: 'Iterations per run.',
    },
    randomStateParam('Seed of centroid initialisation.'),
  ],
});

export const dbscan = defineEstimator({
  module: 'sklearn.cluster',
  className: 'DBSCAN',
  task: 'clusterer',
  label: 'DBSCAN clustering',
  description: 'Density-based clusters of any shape; marks sparse rows as noise (-1).',
  docs:
    'Finds the number of clusters itself. It labels only the rows it was fitted on and cannot assign new ' +
    'rows, so it is evaluated on the training rows.',
  icon: 'blend',
  params: [
    {
      name: 'eps',
      label: 'Neighbourhood radius',
      kind: 'float',
      default: 0.5,
      min: 0,
      exclusiveMin: true,
      help: 'Maximum distance between two rows of the same neighbourhood.',
    },
    {
      name: 'min_samples',
      label: 'Min rows per core',
      kind: 'int',
      default: 5,
      min: 1,
      help: 'Rows needed in a neighbourhood for a core point.',
    },
  ],
  ml: { canPredict: false },
});

export const clusteringComponents: readonly ComponentDef[] = [kMeans, dbscan];
