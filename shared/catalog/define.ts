/**
 * Factories for the two large families, scikit-learn transformers and estimators, whose ports and
 * emission follow one pattern: `ClassName(kwargs)` composed into a Pipeline.
 */
import { ESTIMATOR_OUTPUT, PREPROCESS_INPUT, PREVIOUS_STEP_INPUT, TRANSFORMER_OUTPUT } from './ports.ts';
import type { ComponentDef, EstimatorTask, MlTraits, ParamDef } from './types.ts';

interface SklearnClassSpec {
  module: string;
  className: string;
  label: string;
  description: string;
  docs: string;
  icon: string;
  params: readonly ParamDef[];
  /** Defaults to 1; bump together with a migration in `migrations.ts`. */
  version?: number;
}

export interface TransformerSpec extends SklearnClassSpec {
  ml?: MlTraits;
}

export interface EstimatorSpec extends SklearnClassSpec {
  task: EstimatorTask;
  ml?: Omit<MlTraits, 'task'>;
}

export function defineTransformer(spec: TransformerSpec): ComponentDef {
  return {
    id: `${spec.module}.${spec.className}`,
    version: spec.version ?? 1,
    category: 'preprocess',
    label: spec.label,
    shortName: spec.className,
    description: spec.description,
    docs: spec.docs,
    icon: spec.icon,
    inputs: [PREVIOUS_STEP_INPUT],
    outputs: [TRANSFORMER_OUTPUT],
    params: spec.params,
    python: { kind: 'constructor', module: spec.module, className: spec.className },
    // Nearly every transformer learns something in `fit` (means, categories, components).
    ml: { learnsFromData: true, ...spec.ml },
  };
}

export function defineEstimator(spec: EstimatorSpec): ComponentDef {
  return {
    id: `${spec.module}.${spec.className}`,
    version: spec.version ?? 1,
    category: 'model',
    label: spec.label,
    shortName: spec.className,
    description: spec.description,
    docs: spec.docs,
    icon: spec.icon,
    inputs: [PREPROCESS_INPUT],
    outputs: [ESTIMATOR_OUTPUT],
    params: spec.params,
    python: { kind: 'constructor', module: spec.module, className: spec.className },
    ml: { task: spec.task, learnsFromData: true, canPredict: true, ...spec.ml },
  };
}
