/** Public surface of the code generator. */
export { generateDockerBundle, SCRIPT_FILE } from './bundle.ts';
export {
  type CodegenOptions,
  type GeneratedScript,
  generatePython,
  type SourceMapEntry,
} from './generate-python.ts';
export { generateNotebook } from './notebook.ts';
export { commentText, type LiteralHint, pyLiteral } from './py-literal.ts';
export { generateRequirements, PINNED_REQUIREMENTS } from './requirements.ts';
