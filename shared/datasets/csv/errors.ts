/**
 * What the CSV reader cannot read, as data: a code to switch on, a sentence for people, and the
 * 1-based physical line where the problem starts (0 when no line applies).
 */
export type CsvErrorCode =
  | 'empty-file'
  | 'no-header'
  | 'ragged-row'
  | 'binary-content'
  | 'line-too-long'
  | 'unterminated-quote'
  | 'invalid-encoding';

export interface CsvError {
  code: CsvErrorCode;
  message: string;
  line: number;
}

/**
 * Thrown inside the reader so the hot loop needs no result plumbing; the public entry points
 * (`profileBytes`, the worker) catch it and hand back the plain `CsvError`.
 */
export class CsvFailure extends Error {
  readonly error: CsvError;

  constructor(error: CsvError) {
    super(error.message);
    this.name = 'CsvFailure';
    this.error = error;
  }
}

export function fail(code: CsvErrorCode, line: number, message: string): never {
  throw new CsvFailure({ code, line, message: line > 0 ? `Line ${line}: ${message}` : message });
}

export function isCsvFailure(value: unknown): value is CsvFailure {
  return value instanceof CsvFailure;
}
