/** Human names of port types, for tooltips and accessible names. */
import type { PortType } from '../../../shared/catalog/types.ts';

export const PORT_TYPE_NAMES: Readonly<Record<PortType, string>> = {
  table: 'Table (DataFrame)',
  split: 'Train/test split',
  transformer: 'Transformer',
  estimator: 'Estimator',
  model: 'Fitted model',
  metrics: 'Metrics',
};
