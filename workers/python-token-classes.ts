/**
 * The syntax classes of highlighted Python, shared by the worker that finds them
 * (python-tokens.ts) and the editor that paints them (client/src/code/syntax-tokens.ts). Kept apart
 * from the tokenizer so the page can import the list without the parser.
 */
export const TOKEN_CLASSES = [
  'keyword',
  'string',
  'number',
  'comment',
  'function',
  'class',
  'property',
  'punctuation',
] as const;

export type TokenClass = (typeof TOKEN_CLASSES)[number];

/** A token is three numbers in a row: start offset, end offset, index into TOKEN_CLASSES. */
export const TOKEN_STRIDE = 3;
