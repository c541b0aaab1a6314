/**
 * The contract of a catalog component: what the canvas draws (ports, category), what the
 * inspector edits (parameter schema), what validation checks and what the generator emits.
 * Everything here is plain data so it can cross a worker boundary and be served by the API.
 */

/**
 * What flows along an edge. A port accepts an edge when `isPortCompatible(source, target)`.
 * - `table`: a pandas DataFrame with named columns (raw data, before the split)
 * - `split`: train/test partitions of features and target (X_train, X_test, y_train, y_test)
 * - `transformer`: an unfitted scikit-learn transformer (composed into a Pipeline)
 * - `estimator`: an unfitted scikit-learn estimator (classifier, regressor or clusterer)
 * - `model`: a fitted pipeline with its evaluation data
 * - `metrics`: evaluation results
 */
export type PortType = 'table' | 'split' | 'transformer' | 'estimator' | 'model' | 'metrics';

export interface PortDef {
  id: string;
  label: string;
  type: PortType;
  /** An input that must be connected for the graph to be valid. */
  required?: boolean;
  /** Accepts several incoming edges (e.g. column-wise routes into a ColumnTransformer). */
  multiple?: boolean;
}

export type ParamKind = 'int' | 'float' | 'bool' | 'string' | 'choice' | 'column' | 'columns' | 'json';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ParamDef {
  name: string;
  label: string;
  kind: ParamKind;
  /** Default matching scikit-learn's own default where the parameter maps to one. */
  default: JsonValue;
  help: string;
  required?: boolean;
  /** `null` is a valid value (scikit-learn's `None`). */
  nullable?: boolean;
  min?: number;
  max?: number;
  /** Whether `min`/`max` themselves are allowed (default true). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  choices?: readonly JsonValue[];
  /** For `json` values that are lists of numbers (e.g. `hidden_layer_sizes`): what each item must be. */
  list?: NumberListRule;
  /** For `string` values: a regular expression (JavaScript syntax, whole value) the value must match. */
  pattern?: string;
  /** Hint shown in an empty field. */
  placeholder?: string;
  /**
   * scikit-learn's own default when DominoML deliberately starts from another value (e.g.
   * `random_state`: 0 here so runs repeat, `None` in scikit-learn). The generator omits a keyword
   * argument only when the value equals the library default.
   */
  sklearnDefault?: JsonValue;
  /** How the value reaches Python; absent means a keyword argument of the same name. */
  python?: ParamPython;
}

export interface NumberListRule {
  of: 'int' | 'float';
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
}

/** How a parameter value is written into the constructor call of its component. */
export interface ParamPython {
  /** Keyword name when it differs from `ParamDef.name`. */
  arg?: string;
  /**
   * - `keyword` (default): `name=<literal>`, omitted when equal to scikit-learn's default
   * - `always`: `name=<literal>` even when equal (e.g. KMeans `n_init`, whose 1.2 default warns)
   * - `none`: not a constructor argument (the stage emitter reads it)
   */
  emit?: 'keyword' | 'always' | 'none';
  /** A JSON array written as a Python tuple (scikit-learn validates some parameters as tuples). */
  tuple?: boolean;
  /** A `choice` whose value names a function imported from this module (e.g. `f_classif`). */
  symbolModule?: string;
}

export type ComponentCategory = 'data' | 'prepare' | 'preprocess' | 'model' | 'tune' | 'evaluate' | 'output';

export interface ComponentDef {
  /** Stable id stored in documents (`nodes.<id>.type`), e.g. `sklearn.preprocessing.StandardScaler`. */
  id: string;
  /** Bumped when parameters or ports change; documents of older versions are migrated on load. */
  version: number;
  category: ComponentCategory;
  /** Human name, e.g. "Standard scaler". */
  label: string;
  /** Short Python-ish name shown on the node card, e.g. `StandardScaler`. */
  shortName: string;
  /** One line for the library sidebar. */
  description: string;
  /** Longer documentation (plain text or Markdown). */
  docs?: string;
  /** Icon name from lucide. */
  icon?: string;
  inputs: readonly PortDef[];
  outputs: readonly PortDef[];
  params: readonly ParamDef[];
  /** What the code generator writes for this component (plain data, interpreted by `shared/codegen`). */
  python?: PythonEmission;
  /** Facts the ML lint reasons with. */
  ml?: MlTraits;
}

/**
 * - `constructor`: an unfitted scikit-learn object, `ClassName(kwargs)` (transformers, estimators)
 * - `loader`: a `sklearn.datasets` loader returning a DataFrame with a `target` column
 * - `stage`: a data-flow step whose statements the generator writes (split, fit, metrics, …)
 */
export type PythonEmission =
  | { kind: 'constructor'; module: string; className: string }
  | { kind: 'loader'; module: string; functionName: string }
  | { kind: 'stage'; stage: StageKind };

export type StageKind =
  | 'csv-dataset'
  | 'select-target'
  | 'drop-columns'
  | 'drop-missing-rows'
  | 'train-test-split'
  | 'k-fold'
  | 'transform-table'
  | 'column-route'
  | 'column-transformer'
  | 'grid-search'
  | 'fit'
  | 'classification-metrics'
  | 'regression-metrics'
  | 'confusion-matrix'
  | 'cross-validation'
  | 'silhouette'
  | 'save-model'
  | 'save-predictions';

export type EstimatorTask = 'classifier' | 'regressor' | 'clusterer';

/** scikit-learn 1.2 behaviour of a transformer or estimator, as far as the lint needs it. */
export interface MlTraits {
  task?: EstimatorTask;
  /** Fitting learns statistics from the rows (so fitting before the split leaks test rows). */
  learnsFromData?: boolean;
  /** Tolerates NaN in its input (scalers ignore NaN; most estimators raise). */
  acceptsMissing?: boolean;
  /** Its output has no NaN left (imputers). */
  removesMissing?: boolean;
  /** Tolerates non-numeric (string, category) input columns. */
  acceptsText?: boolean;
  /** Its output is numeric (encoders). */
  encodesText?: boolean;
  /** Has `predict` for new rows (DBSCAN has not). */
  canPredict?: boolean;
}

/** Anything that can look components up by id (the catalog, or a test double with a few). */
export interface ComponentRegistry {
  get(type: string): ComponentDef | undefined;
  all(): readonly ComponentDef[];
}
