/**
 * Column-wise preprocessing. A column route sends chosen columns through its own transformer
 * chain; the column router joins several routes into one scikit-learn ColumnTransformer.
 */
import { PREVIOUS_STEP_INPUT, TRANSFORMER_OUTPUT } from '../ports.ts';
import type { ComponentDef } from '../types.ts';

/** Route names become ColumnTransformer step names, which scikit-learn forbids to contain `__`. */
export const ROUTE_NAME_PATTERN = '(?:[a-z](?:_?[a-z0-9])*)?';

export const columnRoute: ComponentDef = {
  id: 'dominoml.compose.ColumnRoute',
  version: 1,
  category: 'preprocess',
  label: 'Column route',
  shortName: 'columns',
  description: 'Send chosen columns through a transformer chain.',
  docs:
    'Connect the last transformer of a chain to "Steps" (or nothing, to pass the columns through unchanged) ' +
    'and list the columns it applies to. Connect several routes to a column router to treat numeric and ' +
    'categorical columns differently; a route used on its own keeps only its columns.',
  icon: 'git-branch',
  inputs: [{ ...PREVIOUS_STEP_INPUT, id: 'steps', label: 'Steps' }],
  outputs: [{ ...TRANSFORMER_OUTPUT, id: 'route', label: 'Route' }],
  params: [
    {
      name: 'columns',
      label: 'Columns',
      kind: 'columns',
      default: [],
      required: true,
      help: 'Feature columns this route transforms.',
      python: { emit: 'none' },
    },
    {
      name: 'name',
      label: 'Name',
      kind: 'string',
      default: '',
      pattern: ROUTE_NAME_PATTERN,
      placeholder: 'numeric',
      help: 'Step name inside the ColumnTransformer (lower-case letters, digits, single "_"). Empty: route_1, route_2, …',
      python: { emit: 'none' },
    },
  ],
  python: { kind: 'stage', stage: 'column-route' },
  ml: {},
};

export const columnTransformer: ComponentDef = {
  id: 'sklearn.compose.ColumnTransformer',
  version: 1,
  category: 'preprocess',
  label: 'Column router',
  shortName: 'ColumnTransformer',
  description: 'Join column routes into one ColumnTransformer.',
  docs:
    'Applies each connected column route to its columns and concatenates the results side by side. Columns ' +
    'that no route names are dropped, or passed through unchanged when "Other columns" is passthrough.',
  icon: 'merge',
  inputs: [{ id: 'routes', label: 'Routes', type: 'transformer', required: true, multiple: true }],
  outputs: [TRANSFORMER_OUTPUT],
  params: [
    {
      name: 'remainder',
      label: 'Other columns',
      kind: 'choice',
      default: 'drop',
      choices: ['drop', 'passthrough'],
      help: 'What happens to columns no route names.',
    },
  ],
  python: { kind: 'stage', stage: 'column-transformer' },
  ml: {},
};

export const composeComponents: readonly ComponentDef[] = [columnRoute, columnTransformer];
