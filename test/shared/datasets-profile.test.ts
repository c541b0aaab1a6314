/**
 * Profiles of the three real datasets against pandas 1.5 (Debian's python3, the runner's pandas)
 * computed in the test: dtypes, missing and distinct counts, describe() and duplicated().
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetFacts } from '../../shared/datasets/profile/index.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import { profileStream } from '../../shared/datasets/profile-stream.ts';
import { PYTHON, runProcess } from './helpers/python.ts';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../shared/data');
const FILES = ['penguins', 'titanic', 'tips'] as const;
/** Bytes per chunk: small, so records and fields straddle chunk boundaries. */
const CHUNK_BYTES = 1000;

interface PandasFacts {
  rows: number;
  dtypes: Record<string, string>;
  missing: Record<string, number>;
  nunique: Record<string, number>;
  describe: Record<
    string,
    { mean: number; std: number; min: number; '25%': number; '50%': number; '75%': number; max: number }
  >;
  duplicated: number;
}

const PANDAS_SCRIPT = `
import json, sys
import pandas as pd
out = {}
for name in sys.argv[1:]:
    df = pd.read_csv(name)
    num = df.select_dtypes(include='number')
    out[name] = {
        'rows': len(df),
        'dtypes': {c: str(t) for c, t in df.dtypes.items()},
        'missing': {c: int(v) for c, v in df.isna().sum().items()},
        'nunique': {c: int(v) for c, v in df.nunique().items()},
        'describe': json.loads(num.describe().to_json()),
        'duplicated': int(df.duplicated().sum()),
    }
print(json.dumps(out))
`;

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function profileFile(file: string): Promise<DatasetProfile> {
  const bytes = new Uint8Array(readFileSync(path.join(DATA_DIR, `${file}.csv`)));
  const result = await profileStream(chunksOf(bytes, CHUNK_BYTES));
  if (!result.ok) throw new Error(result.error.message);
  return result.profile;
}

const pandas = new Map<string, PandasFacts>();
const profiles = new Map<string, DatasetProfile>();

beforeAll(async () => {
  const paths = FILES.map((file) => path.join(DATA_DIR, `${file}.csv`));
  const run = await runProcess(PYTHON, ['-c', PANDAS_SCRIPT, ...paths], { timeoutMs: 60_000 });
  expect(run.code, run.stderr).toBe(0);
  const parsed = JSON.parse(run.stdout) as Record<string, PandasFacts>;
  for (const [i, file] of FILES.entries()) pandas.set(file, parsed[paths[i]!]!);
  for (const file of FILES) profiles.set(file, await profileFile(file));
}, 60_000);

describe.each(FILES)('profile of %s.csv matches pandas', (file) => {
  it('rows, dtypes, missing and distinct counts, duplicates', () => {
    const expected = pandas.get(file)!;
    const profile = profiles.get(file)!;
    expect(profile.rows).toBe(expected.rows);
    expect(profile.columns.map((column) => column.name)).toEqual(Object.keys(expected.dtypes));
    for (const column of profile.columns) {
      expect.soft(column.dtype, column.name).toBe(expected.dtypes[column.name]);
      expect.soft(column.missing, column.name).toBe(expected.missing[column.name]);
      expect
        .soft(column.distinct, column.name)
        .toEqual({ count: expected.nunique[column.name], exact: true });
    }
    expect(profile.duplicateRows).toEqual({ count: expected.duplicated, exact: true });
  });

  it('describe() of numeric columns', () => {
    const expected = pandas.get(file)!;
    const profile = profiles.get(file)!;
    const numeric = profile.columns.filter((column) => column.numeric !== null);
    expect(numeric.map((column) => column.name).sort()).toEqual(Object.keys(expected.describe).sort());
    for (const column of numeric) {
      const want = expected.describe[column.name]!;
      const got = column.numeric!;
      const close = (value: number | null, target: number, what: string) =>
        expect.soft(value, `${column.name} ${what}`).toBeCloseTo(target, 6);
      close(got.mean, want.mean, 'mean');
      close(got.std, want.std, 'std');
      close(got.min, want.min, 'min');
      close(got.max, want.max, 'max');
      close(got.p25, want['25%'], '25%');
      close(got.p50, want['50%'], '50%');
      close(got.p75, want['75%'], '75%');
      expect(got.exactQuantiles).toBe(true);
      expect(got.histogram.counts.reduce((sum, count) => sum + count, 0)).toBe(column.count);
    }
  });

  it('gives the lint its facts', () => {
    const facts = datasetFacts(profiles.get(file)!);
    const expected = pandas.get(file)!;
    expect(facts.columns).toEqual(
      Object.keys(expected.dtypes).map((name) => ({
        name,
        dtype: expected.dtypes[name],
        missing: expected.missing[name],
      })),
    );
  });
});

describe('guesses and warnings on the real files', () => {
  it('penguins: species is a classification target; no ID or constant columns', () => {
    const profile = profiles.get('penguins')!;
    expect(profile.target).toMatchObject({ column: 'species', task: 'classification' });
    expect(profile.warnings.map((warning) => warning.kind)).toEqual([]);
    expect(profile.columns.find((column) => column.name === 'species')!.top).toEqual([
      { value: 'Adelie', count: 152 },
      { value: 'Gentoo', count: 124 },
      { value: 'Chinstrap', count: 68 },
    ]);
  });

  it('titanic: survived is the target; deck is mostly missing; duplicate rows are reported', () => {
    const profile = profiles.get('titanic')!;
    expect(profile.target).toMatchObject({ column: 'survived', task: 'classification' });
    const kinds = profile.warnings.map(
      (warning) => `${warning.kind}:${'column' in warning ? warning.column : ''}`,
    );
    expect(kinds).toEqual(['heavy-missing:deck', 'duplicate-rows:']);
    const byName = new Map(profile.columns.map((column) => [column.name, column]));
    expect(byName.get('age')!.kind).toBe('float');
    expect(byName.get('adult_male')!.kind).toBe('boolean');
    expect(byName.get('embarked')!.kind).toBe('categorical');
  });

  it('tips: float columns keep their statistics; the last column is the fallback target', () => {
    const profile = profiles.get('tips')!;
    expect(profile.target).toMatchObject({ column: 'size', confidence: 0.4 });
    expect(profile.columns.find((column) => column.name === 'total_bill')!.kind).toBe('float');
  });
});
