/**
 * Port definitions shared by component families, and the one rule for which edges are allowed.
 * The port types and what flows along them are described in `README.md` (graph model).
 */
import type { PortDef, PortType } from './types.ts';

/**
 * An edge is allowed only between ports of the same type. Every value kind has exactly one
 * meaning (see `PortType`), so there is no implicit conversion: a `table` is never a `split`
 * (splitting is an explicit node) and an unfitted `estimator` is never a fitted `model`.
 */
export function isPortCompatible(sourceType: PortType, targetType: PortType): boolean {
  return sourceType === targetType;
}

/** A data source's output: the whole table, before any split. */
export const TABLE_OUTPUT: PortDef = { id: 'table', label: 'Table', type: 'table' };
export const TABLE_INPUT: PortDef = { id: 'table', label: 'Table', type: 'table', required: true };

export const SPLIT_OUTPUT: PortDef = { id: 'split', label: 'Train/test', type: 'split' };
export const SPLIT_INPUT: PortDef = { id: 'split', label: 'Train/test', type: 'split', required: true };

/** A transformer's upstream step: the chain this transformer continues (optional: a chain starts somewhere). */
export const PREVIOUS_STEP_INPUT: PortDef = { id: 'in', label: 'Previous step', type: 'transformer' };
export const TRANSFORMER_OUTPUT: PortDef = { id: 'out', label: 'Transformer', type: 'transformer' };

/** An estimator's preprocessing: the last transformer of the chain composed before it in the Pipeline. */
export const PREPROCESS_INPUT: PortDef = { id: 'preprocess', label: 'Preprocessing', type: 'transformer' };
export const ESTIMATOR_OUTPUT: PortDef = { id: 'estimator', label: 'Estimator', type: 'estimator' };
export const ESTIMATOR_INPUT: PortDef = {
  id: 'estimator',
  label: 'Estimator',
  type: 'estimator',
  required: true,
};

export const MODEL_OUTPUT: PortDef = { id: 'model', label: 'Fitted model', type: 'model' };
export const MODEL_INPUT: PortDef = { id: 'model', label: 'Fitted model', type: 'model', required: true };

export const METRICS_OUTPUT: PortDef = { id: 'metrics', label: 'Metrics', type: 'metrics' };
