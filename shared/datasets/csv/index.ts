/** Streaming CSV reading: bytes → text (decoder.ts) → records (parser.ts). See README.md. */

export {
  createStreamingDecoder,
  type StreamingDecoder,
  sniffEncoding,
  type TextEncodingName,
} from './decoder.ts';
export { DELIMITERS, type Delimiter, detectDelimiter } from './delimiter.ts';
export { type CsvError, type CsvErrorCode, CsvFailure, isCsvFailure } from './errors.ts';
export * from './limits.ts';
export { type CsvParser, type CsvParserOptions, createCsvParser } from './parser.ts';
