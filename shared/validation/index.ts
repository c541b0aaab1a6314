export type { DatasetFacts, DatasetFactsById } from '../analysis/tables.ts';
export type { Problem, ProblemCode, ProblemSeverity } from './problems.ts';
export { hasErrors, type ValidationOptions, validateGraph } from './validate.ts';
