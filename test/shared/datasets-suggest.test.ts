/**
 * Suggestions from real and generated profiles: the right columns dropped (leaks and duplicates
 * too), imputed and encoded, a split, models for the task as alternatives, the recommended one
 * trained and scored, and every component id, parameter and link valid against the catalog.
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
      for (const from of [link.from, ...(link.alternatives ?? [])]) {
        expect(from === 'dataset' || ids.has(from), from).toBe(true);
      }
      expect(def!.inputs.map((port) => port.id)).toContain(link.port);
    }
  }
}

/** The recommended set: every required input of every node fed by another recommended node. */
function expectRecommendedSetComplete(suggestions: readonly NodeSuggestion[]) {
  const recommended = new Map(suggestions.filter((s) => s.recommended).map((s) => [s.id, s]));
  for (const suggestion of recommended.values()) {
    const def = catalog.get(suggestion.componentType)!;
    for (const port of def.inputs.filter((input) => input.required)) {
      const link = suggestion.attachTo?.find((candidate) => candidate.port === port.id);
      expect(link, `${suggestion.id}.${port.id}`).toBeDefined();
      expect(link!.from === 'dataset' || recommended.has(link!.from), `${suggestion.id}.${port.id}`).toBe(
        true,
      );
    }
  }
  const models = suggestions.filter((s) => s.attachTo?.some((link) => link.port === 'preprocess'));
  expect(models.filter((model) => model.recommended)).toHaveLength(1);
}

describe('suggestions', () => {
  it('Kaggle-style titanic: drop PassengerId, Name, Ticket and Cabin; impute Age; one-hot Sex and Embarked', async () => {
    const profile = await profileOf(kaggleTitanic(400));
    const suggestions = suggestFromProfile(profile);
    expectValidAgainstCatalog(suggestions);
    expectRecommendedSetComplete(suggestions);
    const s = byId(suggestions);
    expect(s.get('drop-columns')!.params.columns).toEqual(['PassengerId', 'Name', 'Ticket', 'Cabin']);
    expect(s.get('drop-columns')!.reason).toMatch(/“PassengerId” is an identifier/);
    expect(s.get('select-target')!.params).toEqual({ target: 'Survived' });
    expect(s.get('impute-numeric')!.params).toEqual({ strategy: 'median' });
    expect(s.get('impute-numeric')!.reason).toMatch(/“Age”/);
    expect(s.get('route-numeric')!.params.columns).toEqual(['Pclass', 'Age', 'SibSp', 'Parch', 'Fare']);
    expect(s.get('route-categorical')!.params.columns).toEqual(['Sex', 'Embarked']);
    expect(s.get('impute-categorical')!.params).toEqual({ strategy: 'most_frequent' });
    expect(s.get('one-hot')!.params).toEqual({ handle_unknown: 'ignore', sparse_output: false });
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

  it('real titanic (seaborn columns): drop the leak, the duplicates and deck; impute age; one-hot the categories', async () => {
    const suggestions = suggestFromProfile(await realProfile('titanic'));
    expectValidAgainstCatalog(suggestions);
    expectRecommendedSetComplete(suggestions);
    const s = byId(suggestions);
    expect(s.get('drop-columns')!.params.columns).toEqual(['class', 'deck', 'embark_town', 'alive']);
    expect(s.get('drop-columns')!.reason).toBe(
      '“class” is a copy of “pclass”; “deck” is mostly missing; “embark_town” is a copy of “embarked”; ' +
        '“alive” is the target “survived” under another name: a model would read the answer from it.',
    );
    expect(s.get('select-target')!.params).toEqual({ target: 'survived' });
    expect(s.get('impute-numeric')!.reason).toMatch(/“age”/);
    expect(s.get('route-categorical')!.params.columns).toEqual(['sex', 'embarked', 'who']);
    expect(s.get('route-numeric')!.params.columns).toEqual(
      expect.arrayContaining(['pclass', 'age', 'sibsp', 'parch', 'fare', 'adult_male', 'alone']),
    );
    expect(s.has('model-logisticregression')).toBe(true);
  });

  it('titanic: split after the target, the models as alternatives, the best one trained and scored', async () => {
    const suggestions = suggestFromProfile(await realProfile('titanic'));
    const s = byId(suggestions);
    expect(suggestions.map((x) => x.id)).toEqual([
      'drop-columns',
      'select-target',
      'train-test-split',
      'impute-numeric',
      'scale-numeric',
      'route-numeric',
      'impute-categorical',
      'one-hot',
      'route-categorical',
      'column-router',
      'model-histgradientboostingclassifier',
      'model-randomforestclassifier',
      'model-logisticregression',
      'train-model',
      'metrics',
    ]);
    expect(s.get('train-test-split')).toMatchObject({
      componentType: 'sklearn.model_selection.train_test_split',
      params: { stratify: true },
      attachTo: [{ from: 'select-target', port: 'table' }],
      recommended: true,
    });
    expect(suggestions.filter((x) => !x.recommended).map((x) => x.id)).toEqual([
      'model-randomforestclassifier',
      'model-logisticregression',
    ]);
    expect(s.get('train-model')).toMatchObject({
      componentType: 'dominoml.model.Fit',
      attachTo: [
        { from: 'train-test-split', port: 'split' },
        {
          from: 'model-histgradientboostingclassifier',
          port: 'estimator',
          alternatives: ['model-randomforestclassifier', 'model-logisticregression'],
        },
      ],
    });
    expect(s.get('metrics')).toMatchObject({
      componentType: 'dominoml.evaluate.ClassificationMetrics',
      attachTo: [{ from: 'train-model', port: 'model' }],
    });
  });

  it('penguins: rows without a species would be dropped only if there were any; nothing leaks', async () => {
    const suggestions = suggestFromProfile(await realProfile('penguins'));
    expectValidAgainstCatalog(suggestions);
    expectRecommendedSetComplete(suggestions);
    const s = byId(suggestions);
    expect(s.has('drop-columns')).toBe(false);
    expect(s.has('drop-missing-target')).toBe(false);
    expect(s.get('select-target')!.attachTo).toEqual([{ from: 'dataset', port: 'table' }]);
    expect(s.get('route-categorical')!.params.columns).toEqual(['island', 'sex']);
  });

  it('a target with gaps gets its empty rows dropped before the split', async () => {
    const lines = ['x,colour,label'];
    for (let i = 0; i < 60; i++)
      lines.push(`${i % 7},${['red', 'blue'][i % 2]},${i % 10 === 0 ? '' : ['a', 'b'][i % 3 === 0 ? 0 : 1]}`);
    const suggestions = suggestFromProfile(await profileOf(`${lines.join('\n')}\n`));
    expectValidAgainstCatalog(suggestions);
    expectRecommendedSetComplete(suggestions);
    const s = byId(suggestions);
    expect(s.get('drop-missing-target')).toMatchObject({
      params: { columns: ['label'] },
      attachTo: [{ from: 'dataset', port: 'table' }],
      reason: '“label” is missing on 6 rows: a model cannot learn from rows without an answer.',
    });
    expect(s.get('select-target')!.attachTo).toEqual([{ from: 'drop-missing-target', port: 'table' }]);
  });

  it('tips: nothing to drop or impute, one-hot the four categories, scale the bills', async () => {
    const suggestions = suggestFromProfile(await realProfile('tips'));
    expectValidAgainstCatalog(suggestions);
    expectRecommendedSetComplete(suggestions);
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
    expect(s.get('model-histgradientboostingregressor')!.recommended).toBe(true);
    expect(s.get('train-test-split')!.params).toEqual({});
    expect(s.get('metrics')!.componentType).toBe('dominoml.evaluate.RegressionMetrics');
    expectRecommendedSetComplete(suggestions);
  });
});
