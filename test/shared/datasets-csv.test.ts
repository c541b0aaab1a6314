/**
 * The streaming CSV reader on what real files do (BOM, delimiters, quoted newlines, encodings)
 * and on what it must refuse, each refusal with its code and line; plus a property: cutting the
 * same bytes into random chunks never changes the rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvError,
  createCsvParser,
  createStreamingDecoder,
  type Delimiter,
  isCsvFailure,
} from '../../shared/datasets/csv/index.ts';

interface Parsed {
  columns: string[];
  delimiter: Delimiter | null;
  rows: string[][];
  lines: number[];
  encoding: string | null;
}

type Outcome = { ok: true; parsed: Parsed } | { ok: false; error: CsvError };

/** Parses byte chunks through decoder + parser, as the worker does. */
function parseBytes(chunks: readonly Uint8Array[], options: { maxRecordChars?: number } = {}): Outcome {
  const parsed: Parsed = { columns: [], delimiter: null, rows: [], lines: [], encoding: null };
  const parser = createCsvParser({
    maxRecordChars: options.maxRecordChars,
    onHeader: (columns, delimiter) => {
      parsed.columns = columns;
      parsed.delimiter = delimiter;
    },
    onRow: (fields, line) => {
      parsed.rows.push(fields);
      parsed.lines.push(line);
    },
  });
  const decoder = createStreamingDecoder(() => parser.line);
  try {
    for (const chunk of chunks) parser.push(decoder.push(chunk));
    parser.push(decoder.end());
    parser.end();
  } catch (error) {
    if (isCsvFailure(error)) return { ok: false, error: error.error };
    throw error;
  }
  parsed.encoding = decoder.encoding;
  return { ok: true, parsed };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const parseText = (text: string) => parseBytes([utf8(text)]);

function ok(outcome: Outcome): Parsed {
  if (!outcome.ok) throw new Error(`expected rows, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.parsed;
}

function err(outcome: Outcome): CsvError {
  if (outcome.ok) throw new Error('expected an error');
  return outcome.error;
}

describe('refused inputs: code, line, message', () => {
  it('an empty file, or one with only blank lines', () => {
    expect(err(parseBytes([]))).toMatchObject({ code: 'empty-file', line: 1 });
    expect(err(parseText('\n\r\n\n'))).toMatchObject({ code: 'empty-file' });
    expect(err(parseText('')).message).toMatch(/empty/);
  });

  it('ragged rows, with the physical line even after quoted newlines', () => {
    const error = err(parseText('a,b\n1,2\n"x\ny",3\n4,5,6\n'));
    expect(error).toMatchObject({ code: 'ragged-row', line: 5 });
    expect(error.message).toBe('Line 5: row 3 has 3 fields, but the header has 2.');
    expect(err(parseText('a,b,c\n1,2\n'))).toMatchObject({ code: 'ragged-row', line: 2 });
  });

  it('binary bytes: NUL bytes or mostly control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(err(parseBytes([png]))).toMatchObject({ code: 'binary-content' });
    const noisy = new Uint8Array(4096).map((_, i) => (i * 7919) % 32);
    expect(err(parseBytes([noisy])).code).toBe('binary-content');
    const late = utf8(`a,b\n${'1,2\n'.repeat(30_000)}3,\u00004\n`);
    expect(err(parseBytes([late]))).toMatchObject({ code: 'binary-content', line: 30_002 });
  });

  it('a record longer than the limit (10 MiB by default), and a smaller configured limit', () => {
    const long = `a,b\n1,${'x'.repeat(10 * 1024 * 1024 + 1)}\n2,3\n`;
    const error = err(parseBytes([utf8(long)]));
    expect(error).toMatchObject({ code: 'line-too-long', line: 2 });
    expect(error.message).toMatch(/longer than 10 MiB/);
    expect(err(parseBytes([utf8('a\n12345678901\n')], { maxRecordChars: 10 }))).toMatchObject({
      code: 'line-too-long',
      line: 2,
    });
  });

  it('a record just under the limit is read, whatever the chunking', () => {
    const value = 'y'.repeat(1024 * 1024);
    const bytes = utf8(`a,b\n1,"${value}"\n`);
    const chunks = [bytes.subarray(0, 100_000), bytes.subarray(100_000, 700_000), bytes.subarray(700_000)];
    expect(ok(parseBytes(chunks, { maxRecordChars: 1024 * 1024 + 8 })).rows[0]![1]).toHaveLength(1024 * 1024);
  });

  it('a first line of numbers only: no header', () => {
    expect(err(parseText('1,2.5,3\n4,5,6\n'))).toMatchObject({ code: 'no-header', line: 1 });
  });

  it('a quote that never closes', () => {
    expect(err(parseText('a,b\n1,2\n3,"open\nstill open\n'))).toMatchObject({
      code: 'unterminated-quote',
      line: 3,
    });
  });

  it('UTF-8 that turns invalid past the sniffed start (mixed encodings)', () => {
    const start = utf8(`a,b\n${'é,1\n'.repeat(20_000)}`);
    const bytes = new Uint8Array([...start, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]);
    const error = err(parseBytes([bytes.subarray(0, 70_000), bytes.subarray(70_000)]));
    expect(error.code).toBe('invalid-encoding');
    expect(error.line).toBeGreaterThan(1);
    expect(error.message).toMatch(/mixed encodings/);
  });

  it('mixed encodings are found whatever the chunking (one chunk longer than the sniffed start)', () => {
    const start = utf8(`a,b\n${'é,1\n'.repeat(20_000)}`);
    const bytes = new Uint8Array([...start, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]);
    expect(err(parseBytes([bytes])).code).toBe('invalid-encoding');
  });
});

describe('tolerated inputs', () => {
  it('a header only: zero rows', () => {
    expect(ok(parseText('a,b,c\n'))).toMatchObject({ columns: ['a', 'b', 'c'], rows: [] });
    expect(ok(parseText('a,b,c'))).toMatchObject({ columns: ['a', 'b', 'c'], rows: [] });
  });

  it('a UTF-8 BOM is dropped from the first column name', () => {
    const parsed = ok(parseBytes([new Uint8Array([0xef, 0xbb, 0xbf]), utf8('id,name\n1,x\n')]));
    expect(parsed.columns).toEqual(['id', 'name']);
    expect(parsed.encoding).toBe('utf-8');
  });

  it('semicolons (with decimal commas), tabs and pipes', () => {
    expect(ok(parseText('a;b;c\n1,5;2;x\n3,25;4;y\n'))).toMatchObject({
      delimiter: ';',
      rows: [
        ['1,5', '2', 'x'],
        ['3,25', '4', 'y'],
      ],
    });
    expect(ok(parseText('a\tb\n"x\ty"\t2\n'))).toMatchObject({ delimiter: '\t', rows: [['x\ty', '2']] });
    expect(ok(parseText('a|b\n1|2\n'))).toMatchObject({ delimiter: '|', rows: [['1', '2']] });
    expect(ok(parseText('only\n1\n2\n'))).toMatchObject({ delimiter: ',', rows: [['1'], ['2']] });
  });

  it('quoted newlines, doubled quotes, CRLF, lone CR and blank lines', () => {
    const parsed = ok(parseText('a,b\r\n"line 1\r\nline 2","say ""hi"""\r\n\r\n3,4\r5,"6"\n'));
    expect(parsed.rows).toEqual([
      ['line 1\r\nline 2', 'say "hi"'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(parsed.lines).toEqual([2, 5, 6]);
  });

  it('empty and repeated header names are named like pandas', () => {
    expect(ok(parseText(',a,a,b,a\n1,2,3,4,5\n')).columns).toEqual(['Unnamed: 0', 'a', 'a.1', 'b', 'a.2']);
  });

  it('latin-1 (windows-1252) text when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([
      ...utf8('name,price\ncaf'),
      0xe9,
      ...utf8(',3\nna'),
      0xef,
      ...utf8('ve,'),
      0x80,
      0x0a,
    ]);
    const parsed = ok(parseBytes([bytes]));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.rows).toEqual([
      ['café', '3'],
      ['naïve', '€'],
    ]);
  });

  it('UTF-16 LE and BE with a BOM', () => {
    const text = 'a,b\nü,😀\n';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      le.set([unit & 0xff, unit >> 8], 2 + i * 2);
      be.set([unit >> 8, unit & 0xff], 2 + i * 2);
    }
    // Odd chunk sizes cut code units in half.
    const cut = (bytes: Uint8Array) => [bytes.subarray(0, 3), bytes.subarray(3, 9), bytes.subarray(9)];
    expect(ok(parseBytes(cut(le)))).toMatchObject({
      encoding: 'utf-16le',
      columns: ['a', 'b'],
      rows: [['ü', '😀']],
    });
    expect(ok(parseBytes(cut(be)))).toMatchObject({ encoding: 'utf-16be', rows: [['ü', '😀']] });
  });
});

describe('chunk boundaries never change the rows', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', '"', '\n', '\r', '\r\n', 'é', '€', '😀', '\t'),
    maxLength: 8,
  });

  function serialize(header: string[], rows: string[][], eol: string): string {
    const quote = (value: string) =>
      /[",;\t\r\n]/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
    return [header, ...rows].map((row) => row.map(quote).join(',')).join(eol) + eol;
  }

  const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.record({
      header: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      cuts: fc.array(fc.nat(), { maxLength: 12 }),
    }),
  );

  it('bytes cut anywhere (inside quotes, CRLF pairs, UTF-8 sequences) give the same rows', () => {
    fc.assert(
      fc.property(table, ({ header, rows, eol, cuts }) => {
        const bytes = utf8(serialize(header, rows, eol));
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let from = 0;
        for (const point of [...points, bytes.length]) {
          chunks.push(bytes.subarray(from, point));
          from = point;
        }
        const whole = ok(parseBytes([bytes]));
        const pieces = ok(parseBytes(chunks));
        expect(pieces.rows).toEqual(whole.rows);
        expect(pieces.lines).toEqual(whole.lines);
        expect(whole.columns).toEqual(header);
        // Empty cells are written quoted, so a one-column row of "" is not a blank line.
        expect(whole.rows).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });

  it('text chunks cut anywhere give the same rows', () => {
    fc.assert(
      fc.property(table, ({ header, rows, eol, cuts }) => {
        const text = serialize(header, rows, eol);
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const seen: string[][] = [];
        const parser = createCsvParser({ onHeader: () => {}, onRow: (fields) => seen.push(fields) });
        let from = 0;
        for (const point of [...points, text.length]) {
          parser.push(text.slice(from, point));
          from = point;
        }
        parser.end();
        expect(seen).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});
