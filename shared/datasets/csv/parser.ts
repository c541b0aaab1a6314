/**
 * Streaming RFC 4180 reader over decoded text. Feed it chunks of any size, cut anywhere (inside
 * quotes, between CR and LF, in the middle of a field); it calls `onHeader` once and `onRow` per
 * record, and keeps only the record being read: memory is bounded by the longest record
 * (`maxRecordChars`), never by the file.
 *
 * Tolerances follow pandas' C parser where they are harmless: CRLF, LF and lone CR line ends;
 * blank lines skipped; a quote inside an unquoted field is literal; text after a closing quote
 * joins the field (`"ab"c` → `abc`). Everything else it cannot read is a `CsvFailure`
 * (see errors.ts) with the physical line where the record starts.
 */
import { type Delimiter, detectDelimiter } from './delimiter.ts';
import { fail } from './errors.ts';
import { headerColumns } from './header.ts';
import { BINARY_CONTROL_RATIO, DEFAULT_MAX_RECORD_CHARS, SNIFF_CHARS } from './limits.ts';

export interface CsvParserOptions {
  /** Field separator; detected from the first records when absent. */
  delimiter?: Delimiter;
  /** Longest record accepted, in characters (default 10 MiB). */
  maxRecordChars?: number;
  onHeader(columns: string[], delimiter: Delimiter): void;
  /** `line` is the 1-based physical line where the record starts. The array is the caller's. */
  onRow(fields: string[], line: number): void;
}

export interface CsvParser {
  push(text: string): void;
  /** Flushes the last record; throws for an empty file or an unterminated quote. */
  end(): void;
  /** The physical line being read (for errors raised outside the parser, e.g. by the decoder). */
  readonly line: number;
  readonly rows: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = '\uFEFF';

// Parser states (plain numbers: the hot loop switches on them per character).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
type State = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED;

export function createCsvParser(options: CsvParserOptions): CsvParser {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let delimiter = options.delimiter;
  let sniff = '';
  let sniffing = true;

  let state: State = FIELD_START;
  let field = '';
  /**
   * The record being read: `width` slots (the header's field count, once known) allocated up front
   * and filled by index, which is cheaper than growing an empty array field by field.
   */
  let fields: string[] = [];
  let count = 0;
  let width = 0;
  /** Current physical line, 1-based. */
  let line = 1;
  /** Line where the current record (or open quote) started. */
  let recordLine = 1;
  let quoteLine = 1;
  /** Absolute character offsets: chunks before this one, start of the current record, last CR. */
  let consumed = 0;
  let recordStart = 0;
  let lastCR = -2;
  let columns: string[] | null = null;
  let rows = 0;

  const emit = (record: string[]) => {
    if (columns === null) {
      columns = headerColumns(record, recordLine);
      width = record.length;
      options.onHeader(columns, delimiter ?? ',');
      return;
    }
    if (record.length !== columns.length) {
      fail(
        'ragged-row',
        recordLine,
        `row ${rows + 1} has ${record.length} field${record.length === 1 ? '' : 's'}, but the header has ${columns.length}.`,
      );
    }
    rows++;
    options.onRow(record, recordLine);
  };

  const tooLong = () =>
    fail(
      'line-too-long',
      recordLine,
      `a record is longer than ${formatChars(maxRecordChars)} characters (unterminated quote, or not a CSV file?).`,
    );

  /** The record ended at absolute offset `at` with the newline character `c`. */
  const endRecord = (at: number, c: number) => {
    if (at - recordStart > maxRecordChars) tooLong();
    const record = takeRecord();
    emit(record);
    newline(at, c);
  };

  /** Hands over the record read so far and starts the next. */
  const takeRecord = (): string[] => {
    const record = fields;
    if (record.length !== count) record.length = count;
    fields = width > 0 ? new Array<string>(width) : [];
    count = 0;
    return record;
  };

  const newline = (at: number, c: number) => {
    line++;
    if (c === CR) lastCR = at;
    recordStart = at + 1;
    recordLine = line;
  };

  /**
   * The hot loop. Parser state lives in locals while a chunk is read (`state`, `field` and the
   * segment start are written back at its end); an unquoted field, the common case, is scanned to
   * its end and sliced in one step, without going through the state switch per character.
   */
  const parse = (text: string) => {
    const d = (delimiter ?? ',').charCodeAt(0);
    const n = text.length;
    let st = state;
    let fld = field;
    let segStart = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (st === FIELD_START) {
        if (c === QUOTE) {
          st = QUOTED;
          segStart = i + 1;
          quoteLine = line;
          i++;
        } else if (c === d) {
          fields[count++] = '';
          i++;
        } else if (c === LF || c === CR) {
          if (count > 0) {
            fields[count++] = '';
            endRecord(consumed + i, c);
          } else if (c === LF && lastCR === consumed + i - 1) {
            // Second half of a CRLF whose CR already ended the record.
            recordStart = consumed + i + 1;
          } else {
            newline(consumed + i, c); // blank line: skipped, as pandas does
          }
          i++;
        } else {
          // An unquoted field: scan to its end (a quote inside it is literal).
          let j = i + 1;
          let next = 0;
          while (j < n) {
            next = text.charCodeAt(j);
            if (next === d || next === LF || next === CR) break;
            j++;
          }
          if (j === n) {
            // It goes on in the next chunk.
            st = UNQUOTED;
            segStart = i;
            i = n;
          } else {
            fields[count++] = text.slice(i, j);
            if (next !== d) endRecord(consumed + j, next);
            i = j + 1;
          }
        }
      } else if (st === UNQUOTED) {
        // Only at the start of a chunk: the rest of a field begun in the previous one.
        let j = i;
        let next = 0;
        while (j < n) {
          next = text.charCodeAt(j);
          if (next === d || next === LF || next === CR) break;
          j++;
        }
        if (j === n) {
          i = n;
        } else {
          fields[count++] = fld + text.slice(segStart, j);
          fld = '';
          st = FIELD_START;
          if (next !== d) endRecord(consumed + j, next);
          i = j + 1;
        }
      } else if (st === QUOTED) {
        if (c === QUOTE) {
          fld += text.slice(segStart, i);
          st = QUOTE_IN_QUOTED;
        } else if (c === CR) {
          line++;
          lastCR = consumed + i;
        } else if (c === LF && lastCR !== consumed + i - 1) {
          line++;
        }
        i++;
      } else {
        // QUOTE_IN_QUOTED
        if (c === QUOTE) {
          // Doubled quote: a literal quote, which starts the next segment.
          segStart = i;
          st = QUOTED;
        } else if (c === d) {
          fields[count++] = fld;
          fld = '';
          st = FIELD_START;
        } else if (c === LF || c === CR) {
          fields[count++] = fld;
          fld = '';
          st = FIELD_START;
          endRecord(consumed + i, c);
        } else {
          segStart = i;
          st = UNQUOTED;
          // Text after a closing quote joins the field: scan the rest as unquoted.
          let j = i + 1;
          let next = 0;
          while (j < n) {
            next = text.charCodeAt(j);
            if (next === d || next === LF || next === CR) break;
            j++;
          }
          if (j === n) {
            i = n;
            continue;
          }
          fields[count++] = fld + text.slice(segStart, j);
          fld = '';
          st = FIELD_START;
          if (next !== d) endRecord(consumed + j, next);
          i = j + 1;
          continue;
        }
        i++;
      }
    }
    if (st === UNQUOTED || st === QUOTED) fld += text.slice(segStart, n);
    state = st;
    field = fld;
    consumed += n;
    if (consumed - recordStart > maxRecordChars) tooLong();
  };

  /** Binary content shows as NUL characters or a high share of control characters. */
  const checkText = (text: string, sample: boolean) => {
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      parse(text.slice(0, nul));
      fail(
        'binary-content',
        line,
        'the file contains NUL bytes: it is binary, not text (or UTF-16 without a byte order mark).',
      );
    }
    if (!sample || text.length === 0) return;
    let control = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== LF && c !== CR) || c === 127) control++;
    }
    if (control / text.length > BINARY_CONTROL_RATIO) {
      fail('binary-content', 1, 'the file starts with many control characters: it is binary, not CSV text.');
    }
  };

  const finishSniff = (complete: boolean) => {
    sniffing = false;
    const text = sniff.startsWith(BOM) ? sniff.slice(1) : sniff;
    sniff = '';
    checkText(text, true);
    delimiter ??= detectDelimiter(text, complete);
    parse(text);
  };

  return {
    push(text: string) {
      if (!sniffing) {
        checkText(text, false);
        parse(text);
        return;
      }
      sniff += text;
      if (sniff.length >= SNIFF_CHARS) finishSniff(false);
    },
    end() {
      if (sniffing) finishSniff(true);
      if (state === QUOTED) {
        fail('unterminated-quote', quoteLine, 'a quoted field opens here and is never closed.');
      }
      if (state !== FIELD_START || count > 0) {
        fields[count++] = field;
        field = '';
        state = FIELD_START;
        if (consumed - recordStart > maxRecordChars) tooLong();
        emit(takeRecord());
      }
      if (columns === null) fail('empty-file', 1, 'the file is empty: there is no header line.');
    },
    get line() {
      return sniffing ? 1 + countLineBreaks(sniff) : line;
    },
    get rows() {
      return rows;
    },
  };
}

/** Physical lines in text not parsed yet (quoted newlines count: lines are physical). */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

function formatChars(count: number): string {
  return count >= 1024 * 1024 ? `${Math.round(count / (1024 * 1024))} MiB of` : count.toLocaleString('en-US');
}
