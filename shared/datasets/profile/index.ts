/** Streaming dataset profiling (see shared/README.md, "datasets/"). */
export { datasetFacts } from './facts.ts';
export * from './limits.ts';
export { isMissing, PANDAS_NA_VALUES } from './na-values.ts';
export { createProfiler, type Profiler } from './profiler.ts';
export { guessTarget, taskFor } from './target.ts';
export * from './types.ts';
