/**
 * What DominoML knows about scikit-learn's bundled datasets without loading them: their columns
 * (as `load_*(as_frame=True).frame` returns them in scikit-learn 1.2) and the kind of their target.
 * Validation uses this to check column names and to tell classification from regression.
 */

export type TargetKind = 'categorical' | 'continuous' | 'unknown';

export interface BuiltinDataset {
  /** The loader in `sklearn.datasets`. */
  loader: string;
  /** Feature columns in order (all float64, none missing); the table adds `target` after them. */
  features: readonly string[];
  targetKind: TargetKind;
  rows: number;
  classes?: number;
}

/** The label column every bundled dataset's frame carries. */
export const BUILTIN_TARGET_COLUMN = 'target';

const IRIS_FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

const WINE_FEATURES = [
  'alcohol',
  'malic_acid',
  'ash',
  'alcalinity_of_ash',
  'magnesium',
  'total_phenols',
  'flavanoids',
  'nonflavanoid_phenols',
  'proanthocyanins',
  'color_intensity',
  'hue',
  'od280/od315_of_diluted_wines',
  'proline',
];

const BREAST_CANCER_MEASURES = [
  'radius',
  'texture',
  'perimeter',
  'area',
  'smoothness',
  'compactness',
  'concavity',
  'concave points',
  'symmetry',
  'fractal dimension',
];

const BREAST_CANCER_FEATURES = [
  ...BREAST_CANCER_MEASURES.map((measure) => `mean ${measure}`),
  ...BREAST_CANCER_MEASURES.map((measure) => `${measure} error`),
  ...BREAST_CANCER_MEASURES.map((measure) => `worst ${measure}`),
];

const DIABETES_FEATURES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

const DIGITS_FEATURES = Array.from(
  { length: 64 },
  (_, index) => `pixel_${Math.floor(index / 8)}_${index % 8}`,
);

export const BUILTIN_DATASETS: Readonly<Record<string, BuiltinDataset>> = {
  load_iris: {
    loader: 'load_iris',
    features: IRIS_FEATURES,
    targetKind: 'categorical',
    rows: 150,
    classes: 3,
  },
  load_wine: {
    loader: 'load_wine',
    features: WINE_FEATURES,
    targetKind: 'categorical',
    rows: 178,
    classes: 3,
  },
  load_breast_cancer: {
    loader: 'load_breast_cancer',
    features: BREAST_CANCER_FEATURES,
    targetKind: 'categorical',
    rows: 569,
    classes: 2,
  },
  load_diabetes: {
    loader: 'load_diabetes',
    features: DIABETES_FEATURES,
    targetKind: 'continuous',
    rows: 442,
  },
  load_digits: {
    loader: 'load_digits',
    features: DIGITS_FEATURES,
    targetKind: 'categorical',
    rows: 1797,
    classes: 10,
  },
};
