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
}

/** Anything that can look components up by id (the catalog, or a test double with a few). */
export interface ComponentRegistry {
  get(type: string): ComponentDef | undefined;
  all(): readonly ComponentDef[];
}
