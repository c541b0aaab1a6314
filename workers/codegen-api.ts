/**
 * What the code generation worker offers, as plain functions (the worker file only exposes them).
 * Everything here is `shared/` logic; this module only bundles validation with generation so the
 * editor gets code and problems from one call.
 */
import type { DatasetFactsById } from '../shared/analysis/tables.ts';
import {
  type CodegenOptions,
  generateDockerBundle,
  generateNotebook,
  generatePython,
  generateRequirements,
  type SourceMapEntry,
} from '../shared/codegen/index.ts';
import type { PipelineGraph } from '../shared/graph/types.ts';
import { type Problem, validateGraph } from '../shared/validation/index.ts';
import { makePythonTokenizer } from './python-tokens.ts';

export interface GenerateOptions extends CodegenOptions {
  /** Dataset profiles by dataset id, for the lint (the code itself never depends on them). */
  datasets?: DatasetFactsById;
}

export interface GenerateResult {
  code: string;
  sourceMap: SourceMapEntry[];
  problems: Problem[];
}

export interface HighlightedResult extends GenerateResult {
  /** Syntax highlighting of `code` (python-tokens.ts), so the page never parses it. */
  tokens: Uint32Array;
}

/** One per worker: it re-parses only what changed since the previous script (one document per worker). */
const tokenizer = makePythonTokenizer();

export const codegenApi = {
  generate(graph: PipelineGraph, options: GenerateOptions = {}): GenerateResult {
    const { code, sourceMap } = generatePython(graph, undefined, options);
    return { code, sourceMap, problems: validateGraph(graph, undefined, { datasets: options.datasets }) };
  },
  /** `generate` plus highlighting, in one round trip: what the code panel shows. */
  generateHighlighted(graph: PipelineGraph, options: GenerateOptions = {}): HighlightedResult {
    const result = codegenApi.generate(graph, options);
    return { ...result, tokens: tokenizer.tokens(result.code) };
  },
  notebook(graph: PipelineGraph, options: CodegenOptions = {}): string {
    return generateNotebook(graph, undefined, options);
  },
  requirements(): string {
    return generateRequirements();
  },
  bundle(graph: PipelineGraph, options: CodegenOptions = {}): Uint8Array {
    return generateDockerBundle(graph, undefined, options);
  },
};

export type CodegenApi = typeof codegenApi;
