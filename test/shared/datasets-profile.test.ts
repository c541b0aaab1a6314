/**
 * Profiles of the three real datasets against pandas 1.5 (Debian's python3, the runner's pandas)
 * computed in the test: dtypes, missing and distinct counts, describe() and duplicated(), and the
 * functional dependencies between low-cardinality columns behind leak and duplicate warnings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEPENDENCY_MAX_DISTINCT,
  DEPENDENCY_MAX_RESIDUAL_ERROR,
  DEPENDENCY_MIN_AGREEMENT,
  DEPENDENCY_MIN_ROWS_PER_VALUE,
  datasetFacts,
} from '../../shared/datasets/profile/index.ts';
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
  /** For ordered pairs of columns with at most DEPENDENCY_MAX_DISTINCT values: how a determines b. */
  dependencies: {
    a: string;
    b: string;
    rows: number;
    agreeing: number;
    values: number;
    partnerValues: number;
    partnerMajority: number;
  }[];
}

const PANDAS_SCRIPT = `
import itertools, json, sys
import pandas as pd

def dependencies(df):
    # Cells are compared as the file spells them (dtype=str), like the profiler's codes.
    raw = pd.read_csv(df.attrs['path'], dtype=str)
    low = [c for c in raw.columns if raw[c].nunique() <= int(sys.argv[1])]
    result = []
    for a, b in itertools.permutations(low, 2):
        both = raw[[a, b]].dropna()
        if len(both) == 0:
            continue
        pairs = both.groupby([a, b]).size()
        result.append({
            'a': a, 'b': b, 'rows': len(both),
            'agreeing': int(pairs.groupby(level=0).max().sum()),
            'values': int(both[a].nunique()),
            'partnerValues': int(both[b].nunique()),
            'partnerMajority': int(both[b].value_counts().iloc[0]),
        })
    return result

out = {}
for name in sys.argv[2:]:
    df = pd.read_csv(name)
    df.attrs['path'] = name
    num = df.select_dtypes(include='number')
    out[name] = {
        'rows': len(df),
        'dtypes': {c: str(t) for c, t in df.dtypes.items()},
        'missing': {c: int(v) for c, v in df.isna().sum().items()},
        'nunique': {c: int(v) for c, v in df.nunique().items()},
        'describe': json.loads(num.describe().to_json()),
        'duplicated': int(df.duplicated().sum()),
        'dependencies': dependencies(df),
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
  const run = await runProcess(PYTHON, ['-c', PANDAS_SCRIPT, String(DEPENDENCY_MAX_DISTINCT), ...paths], {
    timeoutMs: 60_000,
  });
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
    expect(kinds).toEqual([
      'heavy-missing:deck',
      'duplicate-rows:',
      'target-leak:alive',
      'duplicate-column:class',
      'duplicate-column:embark_town',
      'duplicate-column:alive',
    ]);
    expect(profile.warnings).toContainEqual({
      kind: 'target-leak',
      column: 'alive',
      target: 'survived',
      message:
        '“alive” matches “survived” on every row: it is the target under another name; drop it or the model will cheat.',
    });
    expect(profile.warnings).toContainEqual(
      expect.objectContaining({ kind: 'duplicate-column', column: 'class', duplicateOf: 'pclass' }),
    );
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

describe.each(FILES)('leaks and duplicate columns of %s.csv match the dependencies pandas finds', (file) => {
  type Dependency = PandasFacts['dependencies'][number];
  /** The documented rules (shared/datasets/profile/limits.ts), applied to pandas' counts. */
  const determines = (d: Dependency) =>
    d.values >= 2 &&
    d.partnerValues >= 2 &&
    d.rows >= DEPENDENCY_MIN_ROWS_PER_VALUE * d.values &&
    d.agreeing >= DEPENDENCY_MIN_AGREEMENT * d.rows &&
    d.rows - d.agreeing <= DEPENDENCY_MAX_RESIDUAL_ERROR * (d.rows - d.partnerMajority);
  const leaks = (target: string) =>
    pandas
      .get(file)!
      .dependencies.filter((d) => d.b === target && determines(d))
      .map((d) => d.a);

  it('target leaks', () => {
    const profile = profiles.get(file)!;
    const found = profile.warnings.flatMap((w) => (w.kind === 'target-leak' ? [w.column] : []));
    const header = profile.columns.map((column) => column.name);
    const expected = leaks(profile.target!.column).sort((a, b) => header.indexOf(a) - header.indexOf(b));
    expect(found).toEqual(expected);
    expect(found).toEqual(file === 'titanic' ? ['alive'] : []);
  });

  it('duplicate columns: each later column of a one-to-one pair, named after its first twin', () => {
    const profile = profiles.get(file)!;
    const header = profile.columns.map((column) => column.name);
    const dependencies = pandas.get(file)!.dependencies;
    const expected: string[] = [];
    for (const later of header) {
      const twin = header.find(
        (earlier) =>
          header.indexOf(earlier) < header.indexOf(later) &&
          dependencies.some((d) => d.a === earlier && d.b === later && determines(d)) &&
          dependencies.some((d) => d.a === later && d.b === earlier && determines(d)),
      );
      if (twin) expected.push(`${later}=${twin}`);
    }
    const found = profile.warnings.flatMap((w) =>
      w.kind === 'duplicate-column' ? [`${w.column}=${w.duplicateOf}`] : [],
    );
    expect(found.sort()).toEqual(expected.sort());
    expect(found.sort()).toEqual(
      file === 'titanic' ? ['alive=survived', 'class=pclass', 'embark_town=embarked'] : [],
    );
  });
});
