import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../shared/catalog/types.ts';
import { commentText, pyIdentifier, pyLiteral } from '../../shared/codegen/py-literal.ts';
import { evaluateLiterals, makeTempDir, PYTHON, runProcess } from './helpers/python.ts';

// These tests start Python or Node processes, which take much longer on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('literals');
});
afterAll(() => temp.remove());

/** Any UTF-16 code unit sequence, lone surrogates included: labels come from user input. */
const anyString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});
const anyText = fc.oneof(
  anyString,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const NASTY = [
  "'''",
  '"""',
  'back\\slash',
  "\nimport os\nos.system('touch /tmp/pwned')",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal "${" is exactly what is being tested.
  '${process.env.HOME}',
  'nul\u0000byte',
  '😀👩‍👩‍👧 emoji',
  '\u202eevil bidi',
  'line\u2028separator',
  'both \' and "',
  '\r\n\t\x7f\x80\xa0\xad',
  '\ud800 lone \udfff',
];

describe('pyLiteral', () => {
  it('writes scalars the way Python spells them', () => {
    expect(pyLiteral(null)).toBe('None');
    expect(pyLiteral(true)).toBe('True');
    expect(pyLiteral(false)).toBe('False');
    expect(pyLiteral(3)).toBe('3');
    expect(pyLiteral(3, { float: true })).toBe('3.0');
    expect(pyLiteral(0.1, { float: true })).toBe('0.1');
    expect(pyLiteral(1e-9, { float: true })).toBe('1e-9');
    expect(pyLiteral(1e21, { float: true })).toBe('1e+21');
    expect(pyLiteral(-0, { float: true })).toBe('-0.0');
    expect(pyLiteral(Number.NaN)).toBe("float('nan')");
    expect(pyLiteral(Number.POSITIVE_INFINITY)).toBe("float('inf')");
    expect(pyLiteral(Number.NEGATIVE_INFINITY)).toBe("-float('inf')");
  });

  it('writes containers, tuples and sorted dict keys', () => {
    expect(pyLiteral([1, 'a', null])).toBe("[1, 'a', None]");
    expect(pyLiteral([100], { tuple: true })).toBe('(100,)');
    expect(pyLiteral([0, 1], { tuple: true, float: true })).toBe('(0.0, 1.0)');
    expect(pyLiteral([], { tuple: true })).toBe('()');
    expect(pyLiteral({ b: 1, a: [true] })).toBe("{'a': [True], 'b': 1}");
  });

  it('quotes like repr: single quotes unless only a single quote occurs', () => {
    expect(pyLiteral('plain')).toBe("'plain'");
    expect(pyLiteral("it's")).toBe('"it\'s"');
    expect(pyLiteral(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyLiteral('a\\b\nc\u0000')).toBe("'a\\\\b\\nc\\x00'");
    expect(pyLiteral('\u202e')).toBe("'\\u202e'");
    expect(pyLiteral('\u{1f600}')).toBe("'\u{1f600}'");
    expect(pyLiteral('\u{e0001}')).toBe("'\\U000e0001'");
  });

  it('round-trips every string through ast.literal_eval exactly', async () => {
    const samples: JsonValue[] = [...NASTY, ...fc.sample(anyText, { numRuns: 400, seed: 42 })];
    const numbers = fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 100, seed: 7 });
    const objects = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 100, seed: 9 }) as JsonValue[];
    const all: JsonValue[] = [...samples, ...numbers, ...objects];
    const file = join(temp.dir, 'literals.txt');
    writeFileSync(file, `${all.map((value) => pyLiteral(value)).join('\n')}\n`);
    const evaluated = await evaluateLiterals(file);
    expect(evaluated).toHaveLength(all.length);
    all.forEach((value, position) => {
      // Through JSON, as the values came back: -0 and 0 are the same number there.
      expect(evaluated[position], `value ${position}: ${JSON.stringify(value)}`).toEqual(
        JSON.parse(JSON.stringify(value)),
      );
    });
  });

  it('matches Python repr for ASCII text', async () => {
    const ascii = fc.sample(fc.string({ unit: 'binary-ascii', maxLength: 30 }), { numRuns: 200, seed: 3 });
    const file = join(temp.dir, 'ascii.json');
    writeFileSync(file, JSON.stringify(ascii));
    const result = await runProcess(PYTHON, [
      '-c',
      'import json,sys; print(json.dumps([repr(s) for s in json.load(open(sys.argv[1]))]))',
      file,
    ]);
    expect(JSON.parse(result.stdout)).toEqual(ascii.map((text) => pyLiteral(text)));
  });
});

describe('commentText', () => {
  it('keeps a comment on one line with no control or invisible characters', () => {
    for (const text of NASTY) {
      const comment = commentText(text);
      expect(comment).not.toMatch(/[\p{C}\p{Zl}\p{Zp}\n\r]/u);
    }
    expect(commentText('a\nimport os')).toBe('a import os');
    expect(Array.from(commentText('x'.repeat(200)))).toHaveLength(80);
  });
});

describe('pyIdentifier', () => {
  it('accepts identifiers and refuses anything else', () => {
    expect(pyIdentifier('StandardScaler')).toBe('StandardScaler');
    expect(() => pyIdentifier('os.system')).toThrow();
    expect(() => pyIdentifier('a b')).toThrow();
  });
});
