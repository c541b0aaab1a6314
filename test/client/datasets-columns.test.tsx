/**
 * Column pickers: matching known columns, the columns reaching a node (from dataset facts through
 * the static analysis), and the inspector's combobox with the keyboard, free typing and the
 * warning style for names that are not columns. Also the profile view with many columns.
 */
import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { makeColumnLookup } from '../../client/src/datasets/column-lookup.ts';
import { ProfileView } from '../../client/src/datasets/ProfileView.tsx';
import { isUnknownColumn, matchColumns } from '../../client/src/panels/fields/column-options.ts';
import { Inspector } from '../../client/src/panels/Inspector.tsx';
import type { InspectorExtensions } from '../../client/src/panels/inspector-extensions.ts';
import type { DatasetFactsById } from '../../shared/analysis/tables.ts';
import { catalog } from '../../shared/catalog/index.ts';
import type { ColumnProfile, DatasetProfile } from '../../shared/datasets/profile/index.ts';
import { PROFILE_VERSION } from '../../shared/datasets/profile/index.ts';
import { createUserOrigin, readNode, toGraph } from '../../shared/doc/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import { sceneDoc } from '../fixtures/scenes/index.ts';

const PENGUIN_COLUMNS = [
  { name: 'species', dtype: 'object' },
  { name: 'island', dtype: 'object' },
  { name: 'bill_length_mm', dtype: 'float64' },
  { name: 'bill_depth_mm', dtype: 'float64' },
  { name: 'flipper_length_mm', dtype: 'float64' },
  { name: 'body_mass_g', dtype: 'float64' },
  { name: 'sex', dtype: 'object' },
];
const FACTS: DatasetFactsById = {
  d1: { columns: PENGUIN_COLUMNS.map((column) => ({ ...column, missing: 0 })) },
};

const edge = (id: string, source: string, sourcePort: string, target: string, targetPort: string) => ({
  id,
  source,
  sourcePort,
  target,
  targetPort,
});

/** CSV → Select target → Drop columns → Transform table ← router ← route; plus a split. */
function penguinGraph(datasetId = 'd1'): PipelineGraph {
  return {
    nodes: [
      { id: 'csv', type: 'dominoml.data.CsvDataset', label: 'penguins', x: 0, y: 0, params: { datasetId } },
      {
        id: 'target',
        type: 'dominoml.prepare.SelectTarget',
        label: 'Target',
        x: 0,
        y: 0,
        params: { target: 'species' },
      },
      {
        id: 'drop',
        type: 'dominoml.prepare.DropColumns',
        label: 'Drop',
        x: 0,
        y: 0,
        params: { columns: ['island'] },
      },
      {
        id: 'route',
        type: 'dominoml.compose.ColumnRoute',
        label: 'Route',
        x: 0,
        y: 0,
        params: { columns: [] },
      },
      { id: 'router', type: 'sklearn.compose.ColumnTransformer', label: 'Router', x: 0, y: 0, params: {} },
      {
        id: 'transform',
        type: 'dominoml.prepare.TransformTable',
        label: 'Transform',
        x: 0,
        y: 0,
        params: {},
      },
    ],
    edges: [
      edge('e1', 'csv', 'table', 'target', 'table'),
      edge('e2', 'target', 'table', 'drop', 'table'),
      edge('e3', 'route', 'route', 'router', 'routes'),
      edge('e4', 'router', 'out', 'transform', 'transformer'),
      edge('e5', 'drop', 'table', 'transform', 'table'),
    ],
  };
}

describe('matchColumns / isUnknownColumn', () => {
  it('lists prefix matches first, then the rest, without the chosen ones, up to a limit', () => {
    const names = (text: string, exclude: string[] = [], limit?: number) =>
      matchColumns(PENGUIN_COLUMNS, text, exclude, limit).shown.map((c) => c.name);
    expect(names('')).toHaveLength(7);
    expect(names('b')).toEqual(['bill_length_mm', 'bill_depth_mm', 'body_mass_g']);
    expect(names('_mm')).toEqual(['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm']);
    expect(names('S')).toEqual(['species', 'sex', 'island', 'body_mass_g']);
    expect(names('', ['species', 'sex'])).not.toContain('species');
    expect(matchColumns(PENGUIN_COLUMNS, '', [], 2)).toMatchObject({ more: 5 });
  });

  it('only calls a name unknown when the columns are known', () => {
    expect(isUnknownColumn('nope', PENGUIN_COLUMNS)).toBe(true);
    expect(isUnknownColumn('sex', PENGUIN_COLUMNS)).toBe(false);
    expect(isUnknownColumn('nope', null)).toBe(false);
    expect(isUnknownColumn('', PENGUIN_COLUMNS)).toBe(false);
  });
});

describe('makeColumnLookup', () => {
  it('gives a node the columns of the table reaching it', () => {
    const lookup = makeColumnLookup(penguinGraph(), FACTS, catalog);
    expect(lookup('target')?.map((c) => c.name)).toEqual(PENGUIN_COLUMNS.map((c) => c.name));
    // Downstream of Drop columns, island is gone.
    expect(lookup('transform')?.map((c) => c.name)).not.toContain('island');
    // The CSV node itself reads no table.
    expect(lookup('csv')).toBeNull();
  });

  it('gives a column route the feature columns of the table its chain transforms', () => {
    const lookup = makeColumnLookup(penguinGraph(), FACTS, catalog);
    expect(lookup('route')?.map((c) => c.name)).toEqual([
      'bill_length_mm',
      'bill_depth_mm',
      'flipper_length_mm',
      'body_mass_g',
      'sex',
    ]);
  });

  it('knows nothing for a CSV without a profile (free typing)', () => {
    const lookup = makeColumnLookup(penguinGraph('unknown'), FACTS, catalog);
    expect(lookup('target')).toBeNull();
    expect(lookup('route')).toBeNull();
  });
});

function mountInspector(nodeId: string) {
  const graph = penguinGraph();
  const doc = sceneDoc(graph);
  const origin = createUserOrigin('u1');
  const [selection] = createSignal<readonly string[]>([nodeId]);
  const extensions: InspectorExtensions = {
    columnsFor: (id) => makeColumnLookup(toGraph(doc), FACTS, catalog)(id),
  };
  const result = render(() => (
    <Inspector
      doc={doc}
      registry={catalog}
      selection={selection()}
      readOnly={false}
      userOrigin={origin}
      extensions={extensions}
    />
  ));
  return { ...result, doc };
}

const options = (container: HTMLElement, label: string) =>
  [...container.querySelectorAll(`[role="listbox"][aria-label="${label}"] [role="option"]`)].map(
    (option) => option.querySelector('.column-picker__name')?.textContent,
  );

describe('column pickers in the inspector', () => {
  it('Target column: lists the columns, filters as you type, arrow keys and Enter pick one', () => {
    const { getByRole, container, doc } = mountInspector('target');
    const input = getByRole('combobox', { name: 'Target column' }) as HTMLInputElement;
    expect(input.value).toBe('species');
    fireEvent.focus(input);
    // The stored value does not filter the list: every column is offered.
    expect(options(container, 'Columns for Target column')).toHaveLength(7);
    expect(input.getAttribute('aria-expanded')).toBe('true');

    fireEvent.input(input, { target: { value: 'b' } });
    expect(options(container, 'Columns for Target column')).toEqual([
      'bill_length_mm',
      'bill_depth_mm',
      'body_mass_g',
    ]);
    // Typing highlights the first match; ArrowDown moves on; Enter takes it.
    expect(input.getAttribute('aria-activedescendant')).toMatch(/column-0$/);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toMatch(/column-1$/);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(readNode(doc, 'target')?.params.target).toBe('bill_depth_mm');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Target column: a name that is not a column can still be typed, and is flagged', () => {
    const { getByRole, container, doc } = mountInspector('target');
    const input = getByRole('combobox', { name: 'Target column' }) as HTMLInputElement;
    fireEvent.focus(input);
    fireEvent.input(input, { target: { value: 'label' } });
    // No match: the list closes, Enter keeps the text as typed.
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(readNode(doc, 'target')?.params.target).toBe('label');
    expect(input.classList.contains('param-input--unknown')).toBe(true);
    expect(container.querySelector('.param-field__warning')?.textContent).toContain(
      '“label” is not a column of the table reaching this node.',
    );
  });

  it('Columns: picks add tags, free names are tags in warning style, Backspace removes', () => {
    const { getByRole, container, doc } = mountInspector('drop');
    const input = getByRole('combobox', { name: 'Columns' }) as HTMLInputElement;
    fireEvent.focus(input);
    // island is already dropped: not offered again.
    expect(options(container, 'Columns for Columns')).not.toContain('island');
    fireEvent.input(input, { target: { value: 'sex' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(readNode(doc, 'drop')?.params.columns).toEqual(['island', 'sex']);

    fireEvent.input(input, { target: { value: 'mystery' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(readNode(doc, 'drop')?.params.columns).toEqual(['island', 'sex', 'mystery']);
    const unknown = [...container.querySelectorAll('.param-tag--unknown')].map((tag) => tag.textContent);
    expect(unknown).toEqual(['mystery (not a known column)']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(readNode(doc, 'drop')?.params.columns).toEqual(['island', 'sex']);
  });

  it('without known columns the fields stay plain text', () => {
    const doc = sceneDoc(penguinGraph('unknown'));
    const { queryByRole, getByLabelText } = render(() => (
      <Inspector
        doc={doc}
        registry={catalog}
        selection={['target']}
        readOnly={false}
        userOrigin={createUserOrigin('u1')}
        extensions={{ columnsFor: () => null }}
      />
    ));
    expect(queryByRole('combobox', { name: 'Target column' })).toBeNull();
    expect((getByLabelText('Target column') as HTMLInputElement).value).toBe('species');
  });
});

function numericColumn(index: number): ColumnProfile {
  return {
    name: `feature_${index}`,
    kind: 'float',
    dtype: 'float64',
    count: 990,
    missing: 10,
    distinct: { count: 900, exact: true },
    numeric: {
      min: 0,
      max: 10,
      mean: 5,
      std: 2,
      p25: 2.5,
      p50: 5,
      p75: 7.5,
      exactQuantiles: true,
      histogram: { edges: [0, 2.5, 5, 7.5, 10], counts: [100, 400, 390, 100] },
    },
    top: [],
    topExact: true,
  };
}

describe('<ProfileView>', () => {
  it('draws 150 columns with summarised histograms and top values, filterable by name', () => {
    const profile: DatasetProfile = {
      version: PROFILE_VERSION,
      rows: 1000,
      columns: [
        {
          name: 'label',
          kind: 'categorical',
          dtype: 'object',
          count: 1000,
          missing: 0,
          distinct: { count: 2, exact: true },
          numeric: null,
          top: [
            { value: 'yes', count: 700 },
            { value: 'no', count: 300 },
          ],
          topExact: true,
        },
        ...Array.from({ length: 149 }, (_, index) => numericColumn(index)),
      ],
      delimiter: ';',
      encoding: 'utf-8',
      duplicateRows: { count: 3, exact: true },
      target: { column: 'label', task: 'classification', reason: 'The last column.', confidence: 0.55 },
      warnings: [{ kind: 'constant', column: 'feature_1', message: '“feature_1” has one value.' }],
    };
    const { getAllByRole, getByRole, getByLabelText, getByText, container } = render(() => (
      <ProfileView profile={profile} name="many" sizeBytes={2048} />
    ));
    expect(container.querySelectorAll('tbody tr')).toHaveLength(150);
    expect(getByText('semicolon (;)')).toBeTruthy();
    expect(getByText('3 (0.3%)')).toBeTruthy();
    expect(getByRole('img', { name: 'Top values of label: yes 700 (70%), no 300 (30%)' })).toBeTruthy();
    expect(
      getAllByRole('img', {
        name: /^Histogram of feature_\d+: 4 bins from 0 to 10; the fullest, 2\.5 to 5, holds 400 rows$/,
      }),
    ).toHaveLength(149);
    expect(getByText('“feature_1” has one value.')).toBeTruthy();
    // Generous: happy-dom is slow; the point is no quadratic blow-up.

    fireEvent.input(getByLabelText('Filter columns'), { target: { value: 'feature_14' } });
    expect(container.querySelectorAll('tbody tr')).toHaveLength(10); // feature_14, feature_140..148
  });
});
