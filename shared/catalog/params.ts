/** Parameter definitions that recur across components, written once so their help text agrees. */
import type { ParamDef } from './types.ts';

/** 2^32 - 1: numpy's largest seed. */
const MAX_SEED = 4_294_967_295;

/**
 * scikit-learn defaults `random_state` to None (a different result on every run). DominoML starts
 * from 0 so a pipeline gives the same numbers every time it runs; clearing the field restores None.
 */
export function randomStateParam(help = 'Seed of the random number generator.'): ParamDef {
  return {
    name: 'random_state',
    label: 'Random seed',
    kind: 'int',
    default: 0,
    sklearnDefault: null,
    nullable: true,
    min: 0,
    max: MAX_SEED,
    help: `${help} DominoML sets 0 so runs repeat; empty means a fresh seed each run (scikit-learn's None).`,
  };
}

/** File names written into the run's output directory: no folders, nothing a shell would interpret. */
export const OUTPUT_FILE_PATTERN = '[A-Za-z0-9][A-Za-z0-9._-]{0,127}';

export function outputFileParam(defaultName: string, what: string): ParamDef {
  return {
    name: 'filename',
    label: 'File name',
    kind: 'string',
    default: defaultName,
    required: true,
    pattern: OUTPUT_FILE_PATTERN,
    help: `Name of the ${what} file written into the run's output directory (letters, digits, ".", "_", "-").`,
    python: { emit: 'none' },
  };
}

/** Which partition an evaluation or export reads. */
export function splitChoiceParam(help: string): ParamDef {
  return {
    name: 'split',
    label: 'Rows',
    kind: 'choice',
    default: 'test',
    choices: ['test', 'train'],
    help,
    python: { emit: 'none' },
  };
}
