/**
 * Suggestions from real and generated profiles: the right columns dropped, imputed and encoded,
 * models for the task, and every component id and parameter valid against the catalog schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkParamValue } from '../../shared/analysis/param-values.ts';
import { catalog } from '../../shared/catalog/index.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import { profileStream } from '../../shared/datasets/profile-stream.ts';
import { type NodeSuggestion, suggestFromProfile } from '../../shared/datasets/suggest/index.ts';
import { createSeededRandom } from './helpers/seeded-random.ts';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../shared/data');

async function profileOf(text: string): Promise<DatasetProfile> {
  const result = await profileStream([new TextEncoder().encode(text)]);
  if (!result.ok) throw new Error(result.error.message);
  return result.profile;
}

const realProfile = (file: string) => profileOf(readFileSync(path.join(DATA_DIR, `${file}.csv`), 'utf8'));

/** A Kaggle-style titanic: PassengerId, Name, Ticket and a mostly empty Cabin. */
function kaggleTitanic(rows: number): string {
  const seeded = createSeededRandom(7);
  const random = () => seeded.next();
  const lines = ['PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked'];
  for (let i = 1; i <= rows; i++) {
    const sex = random() < 0.35 ? 'female' : 'male';
    const age = random() < 0.2 ? '' : (1 + random() * 70).toFixed(1);
    const ticket = random() < 0.2 ? 'CA 2343' : `${Math.floor(random() * 1e6)}`;
    const cabin = random() < 0.77 ? '' : `C${Math.floor(random() * 120)}`;
    const embarked = random() < 0.01 ? '' : ['S', 'C', 'Q'][Math.floor(random() * 3)];
    const survived = random() < (sex === 'female' ? 0.74 : 0.19) ? 1 : 0;
    lines.push(
      `${i},${survived},${1 + Math.floor(random() * 3)},"Person ${i}, Mr. X",${sex},${age},${Math.floor(random() * 3)},${Math.floor(random() * 2)},${ticket},${(random() * 100).toFixed(4)},${cabin},${embarked}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function byId(suggestions: readonly NodeSuggestion[]): Map<string, NodeSuggestion> {
  return new Map(suggestions.map((suggestion) => [suggestion.id, suggestion]));
}

function expectValidAgainstCatalog(suggestions: readonly NodeSuggestion[]) {
  const ids = new Set(suggestions.map((suggestion) => suggestion.id));
  expect(ids.size).toBe(suggestions.length);
  for (const suggestion of suggestions) {
    const def = catalog.get(suggestion.componentType);
    expect(def, suggestion.componentType).toBeDefined();
    for (const [name, value] of Object.entries(suggestion.params)) {
      const param = def!.params.find((candidate) => candidate.name === name);
      expect(param, `${suggestion.componentType}.${name}`).toBeDefined();
      expect(checkParamValue(param!, value), `${suggestion.componentType}.${name}`).toBeNull();
    }
    expect(suggestion.confidence).toBeGreaterThan(0);
    expect(suggestion.confidence).toBeLessThanOrEqual(1);
    expect(suggestion.reason.length).toBeGreaterThan(10);
    for (const link of suggestion.attachTo ?? []) {
      expect(link.from === 'dataset' || ids.has(link.from), link.from).toBe(true);
      expect(def!.inputs.map((port) => port.id)).toContain(link.port);
    }
  }
}

describe('suggestions', () => {
  it('Kaggle-style titanic: drop PassengerId, Name, Ticket and Cabin; impute Age; one-hot Sex and Embarked', async () => {
    const profile = await profileOf(kaggleTitanic(400));
    const suggestions = suggestFromProfile(profile);
    expectValidAgainstCatalog(suggestions);
    const s = byId(suggestions);
    expect(s.get('drop-columns')!.params.columns).toEqual(['PassengerId', 'Name', 'Ticket', 'Cabin']);
    expect(s.get('drop-columns')!.reason).toMatch(/“PassengerId” is an identifier/);
    expect(s.get('select-target')!.params).toEqual({ target: 'Survived' });
    expect(s.get('impute-numeric')!.params).toEqual({ strategy: 'median' });
    expect(s.get('impute-numeric')!.reason).toMatch(/“Age”/);
    expect(s.get('route-numeric')!.params.columns).toEqual(['Pclass', 'Age', 'SibSp', 'Parch', 'Fare']);
    expect(s.get('route-categorical')!.params.columns).toEqual(['Sex', 'Embarked']);
    expect(s.get('impute-categorical')!.params).toEqual({ strategy: 'most_frequent' });
    expect(s.get('one-hot')!.params).toEqual({ handle_unknown: 'ignore' });
    expect(
      suggestions
        .filter((x) => x.attachTo?.some((link) => link.port === 'preprocess'))
        .map((x) => x.componentType),
    ).toEqual([
      'sklearn.ensemble.HistGradientBoostingClassifier',
      'sklearn.ensemble.RandomForestClassifier',
      'sklearn.linear_model.LogisticRegression',
    ]);
  });

  it('real titanic (seaborn columns): drop deck, impute age, one-hot the categories, classification', async () => {
    const suggestions = suggestFromProfile(await realProfile('titanic'));
    expectValidAgainstCatalog(suggestions);
    const s = byId(suggestions);
    expect(s.get('drop-columns')!.params.columns).toEqual(['deck']);
    expect(s.get('select-target')!.params).toEqual({ target: 'survived' });
    expect(s.get('impute-numeric')!.reason).toMatch(/“age”/);
    expect(s.get('route-categorical')!.params.columns).toEqual(
      expect.arrayContaining(['sex', 'embarked', 'class', 'who', 'embark_town']),
    );
    expect(s.get('route-numeric')!.params.columns).toEqual(
      expect.arrayContaining(['pclass', 'age', 'sibsp', 'parch', 'fare', 'adult_male', 'alone']),
    );
    expect(s.has('model-logisticregression')).toBe(true);
  });

  it('tips: nothing to drop or impute, one-hot the four categories, scale the bills', async () => {
    const suggestions = suggestFromProfile(await realProfile('tips'));
    expectValidAgainstCatalog(suggestions);
    const s = byId(suggestions);
    expect(s.has('drop-columns')).toBe(false);
    expect(s.has('impute-numeric')).toBe(false);
    expect(s.get('route-categorical')!.params.columns).toEqual(['sex', 'smoker', 'day', 'time']);
    expect(s.get('route-numeric')!.params.columns).toEqual(['total_bill', 'tip']);
    expect(s.get('scale-numeric')!.attachTo).toBeUndefined();
    expect(s.get('route-numeric')!.attachTo).toEqual([{ from: 'scale-numeric', port: 'steps' }]);
  });

  it('regression targets get regressors; many-valued categories get the ordinal encoder', async () => {
    const seeded = createSeededRandom(3);
    const random = () => seeded.next();
    const lines = ['city,rooms,area,price'];
    for (let i = 0; i < 300; i++) {
      lines.push(
        `city${Math.floor(random() * 40)},${1 + Math.floor(random() * 5)},${(30 + random() * 200).toFixed(1)},${(50_000 + random() * 500_000).toFixed(2)}`,
      );
    }
    const suggestions = suggestFromProfile(await profileOf(`${lines.join('\n')}\n`));
    expectValidAgainstCatalog(suggestions);
    const s = byId(suggestions);
    expect(s.get('select-target')!.params).toEqual({ target: 'price' });
    expect(s.get('ordinal')!.params).toEqual({ handle_unknown: 'use_encoded_value', unknown_value: -1 });
    expect(s.has('model-ridge')).toBe(true);
    expect(s.has('model-histgradientboostingregressor')).toBe(true);
  });
});
