/**
 * Two or three models per task: a scale-sensitive linear baseline, a random forest, and histogram
 * gradient boosting (strong on tabular data). Component ids and parameters are the catalog's.
 */
import type { JsonValue } from '../../catalog/types.ts';
import type { TaskKind } from '../profile/types.ts';

export interface ModelChoice {
  componentType: string;
  params: Record<string, JsonValue>;
  /** Needs scaled features (linear models, SVMs, neighbours). */
  scaleSensitive: boolean;
  reason: string;
  confidence: number;
}

export function modelsFor(task: TaskKind): ModelChoice[] {
  switch (task) {
    case 'classification':
      return [
        {
          componentType: 'sklearn.ensemble.HistGradientBoostingClassifier',
          params: {},
          scaleSensitive: false,
          reason: 'Gradient-boosted trees are usually the most accurate on tabular data and need no scaling.',
          confidence: 0.75,
        },
        {
          componentType: 'sklearn.ensemble.RandomForestClassifier',
          params: { n_estimators: 200 },
          scaleSensitive: false,
          reason: 'A random forest is a robust baseline that rarely needs tuning.',
          confidence: 0.7,
        },
        {
          componentType: 'sklearn.linear_model.LogisticRegression',
          // The default 100 iterations often stop short of convergence on one-hot features.
          params: { max_iter: 1000 },
          scaleSensitive: true,
          reason: 'Logistic regression is a fast, interpretable baseline to compare the trees against.',
          confidence: 0.6,
        },
      ];
    case 'regression':
      return [
        {
          componentType: 'sklearn.ensemble.HistGradientBoostingRegressor',
          params: {},
          scaleSensitive: false,
          reason: 'Gradient-boosted trees are usually the most accurate on tabular data and need no scaling.',
          confidence: 0.75,
        },
        {
          componentType: 'sklearn.ensemble.RandomForestRegressor',
          params: { n_estimators: 200 },
          scaleSensitive: false,
          reason: 'A random forest is a robust baseline that rarely needs tuning.',
          confidence: 0.7,
        },
        {
          componentType: 'sklearn.linear_model.Ridge',
          params: { alpha: 1 },
          scaleSensitive: true,
          reason: 'Ridge regression is a fast linear baseline; its penalty needs scaled features.',
          confidence: 0.6,
        },
      ];
    default:
      return task satisfies never;
  }
}
