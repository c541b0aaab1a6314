import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { COMPONENT_DRAG_TYPE } from '../../client/src/canvas/drag-type.ts';
import { ComponentLibrary } from '../../client/src/panels/ComponentLibrary.tsx';
import { Inspector } from '../../client/src/panels/Inspector.tsx';
import { catalog } from '../../shared/catalog/index.ts';
import {
  addNode,
  createUndoManager,
  createUserOrigin,
  MIGRATION_ORIGIN,
  REMOTE_ORIGIN,
  readNode,
  setParam,
} from '../../shared/doc/index.ts';
import { sceneDoc, templateScene } from '../fixtures/scenes/index.ts';

function mountInspector(initial: string[], readOnly = false, doc = sceneDoc(templateScene())) {
  const origin = createUserOrigin('u1');
  const undo = createUndoManager(doc, origin, { captureTimeoutMs: 0 });
  const [selection, setSelection] = createSignal<readonly string[]>(initial);
  const result = render(() => (
    <Inspector doc={doc} registry={catalog} selection={selection()} readOnly={readOnly} userOrigin={origin} />
  ));
  const field = (label: string) => result.getByLabelText(label) as HTMLInputElement;
  return { ...result, doc, undo, setSelection, field };
}

describe('<Inspector>', () => {
  it('says what to do when nothing is selected, and summarises several nodes', () => {
    const { getByText, setSelection } = mountInspector([]);
    expect(getByText('Nothing selected')).toBeTruthy();
    setSelection(['train', 'metrics', 'confusion']);
    expect(getByText('3 nodes selected')).toBeTruthy();
    expect(getByText('Train model')).toBeTruthy();
  });

  it('edits a number on commit, through setParam with the user origin (undoable)', () => {
    const { field, doc, undo, getByText } = mountInspector(['split']);
    expect(getByText('Train/test split', { selector: 'h2' })).toBeTruthy();
    const testSize = field('Test fraction');
    expect(testSize.value).toBe('0.25');
    fireEvent.input(testSize, { target: { value: '0.3' } });
    expect(readNode(doc, 'split')?.params.test_size).toBe(0.25); // not yet: still a draft
    fireEvent.change(testSize, { target: { value: '0.3' } });
    expect(readNode(doc, 'split')?.params.test_size).toBe(0.3);
    undo.undo();
    expect(readNode(doc, 'split')?.params.test_size).toBe(0.25);
  });

  it('shows validation inline and never writes an invalid value', () => {
    const { field, doc, container } = mountInspector(['split']);
    const testSize = field('Test fraction');
    fireEvent.input(testSize, { target: { value: '1.5' } });
    expect(testSize.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('.param-field__error')?.textContent).toMatch(/at most 1|less than 1/);
    fireEvent.change(testSize, { target: { value: '1.5' } });
    expect(readNode(doc, 'split')?.params.test_size).toBe(0.25);
    fireEvent.input(testSize, { target: { value: 'abc' } });
    expect(container.querySelector('.param-field__error')?.textContent).toBe('Enter a number');
  });

  it('toggles checkboxes, picks choices, renames and resets', () => {
    const doc = sceneDoc(templateScene());
    addNode(
      doc,
      MIGRATION_ORIGIN,
      { type: 'sklearn.impute.SimpleImputer', x: 0, y: 600 },
      { registry: catalog, newId: () => 'imp' },
    );
    const { field, getByLabelText } = mountInspector(['imp'], false, doc);
    fireEvent.click(getByLabelText(/missing indicator/i));
    expect(readNode(doc, 'imp')?.params.add_indicator).toBe(true);
    const strategy = getByLabelText('Strategy') as HTMLSelectElement;
    const median = [...strategy.options].find((o) => o.textContent === 'median')!;
    fireEvent.change(strategy, { target: { value: median.value } });
    expect(readNode(doc, 'imp')?.params.strategy).toBe('median');
    const label = field('Label');
    fireEvent.input(label, { target: { value: 'Fill the gaps' } });
    fireEvent.keyDown(label, { key: 'Enter' });
    expect(readNode(doc, 'imp')?.label).toBe('Fill the gaps');
    fireEvent.click(getByLabelText(/Reset .*strategy.* to its default/i));
    expect(readNode(doc, 'imp')?.params.strategy).toBeUndefined();
  });

  it('edits a column list as tags', () => {
    const doc = sceneDoc(templateScene());
    addNode(
      doc,
      MIGRATION_ORIGIN,
      { type: 'dominoml.prepare.DropColumns', x: 0, y: 600 },
      { registry: catalog, newId: () => 'drop' },
    );
    const { container, getByLabelText } = mountInspector(['drop'], false, doc);
    const input = container.querySelector<HTMLInputElement>('.param-tags__input')!;
    fireEvent.input(input, { target: { value: 'id' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.input(input, { target: { value: 'name,' } });
    expect(readNode(doc, 'drop')?.params.columns).toEqual(['id', 'name']);
    fireEvent.click(getByLabelText('Remove column id'));
    expect(readNode(doc, 'drop')?.params.columns).toEqual(['name']);
  });

  it('follows remote edits of the selected node and keeps a draft when the selection moves on', () => {
    const { field, doc, setSelection } = mountInspector(['split']);
    setParam(doc, REMOTE_ORIGIN, 'split', 'test_size', 0.4);
    expect(field('Test fraction').value).toBe('0.4');
    fireEvent.input(field('Test fraction'), { target: { value: '0.35' } });
    setSelection(['model']);
    // The draft belonged to the split: it was kept there, not carried to the model.
    expect(readNode(doc, 'split')?.params.test_size).toBe(0.35);
    expect(readNode(doc, 'model')?.params.test_size).toBeUndefined();
  });

  it('shows every value but allows no change when read-only', () => {
    const doc = sceneDoc(templateScene());
    const before = Y.encodeStateAsUpdate(doc);
    const { field, container, queryByLabelText } = mountInspector(['split'], true, doc);
    expect(field('Test fraction').readOnly).toBe(true);
    expect(field('Label').readOnly).toBe(true);
    expect((container.querySelector('input[type="checkbox"]') as HTMLInputElement).disabled).toBe(true);
    expect(queryByLabelText(/Reset/)).toBeNull();
    fireEvent.change(field('Test fraction'), { target: { value: '0.5' } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('<ComponentLibrary>', () => {
  it('lists components by category with icon, description and port types, searchable', () => {
    const onAdd = vi.fn();
    const { container, getByLabelText } = render(() => (
      <ComponentLibrary registry={catalog} readOnly={false} onAdd={onAdd} />
    ));
    const search = getByLabelText('Search components') as HTMLInputElement;
    expect(container.querySelectorAll('.library-item')).toHaveLength(catalog.all().length);
    expect(container.querySelector('.library-category__name')?.textContent).toBe('Data');
    fireEvent.input(search, { target: { value: 'standard scaler' } });
    const first = container.querySelector<HTMLButtonElement>('.library-item__button')!;
    expect(first.textContent).toContain('Standard scaler');
    expect(first.querySelector('.port-types')?.getAttribute('aria-label')).toBe(
      'Inputs: Transformer. Outputs: Transformer.',
    );
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onAdd).toHaveBeenLastCalledWith('sklearn.preprocessing.StandardScaler');
    fireEvent.click(first);
    expect(onAdd).toHaveBeenCalledTimes(2);
    fireEvent.input(search, { target: { value: 'zzzz' } });
    expect(container.textContent).toContain('No component matches');
  });

  it('collapses categories and puts the component id on drags', () => {
    const { container } = render(() => (
      <ComponentLibrary registry={catalog} readOnly={false} onAdd={() => {}} />
    ));
    const toggle = container.querySelector<HTMLButtonElement>('.library-category__toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const items = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(items.hidden).toBe(true);

    const button = container.querySelector<HTMLButtonElement>(
      '.library-category:nth-child(2) .library-item__button',
    )!;
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), effectAllowed: 'none' };
    fireEvent.dragStart(button, { dataTransfer });
    expect(data.get(COMPONENT_DRAG_TYPE)).toBe(button.dataset.component);
  });

  it('lets viewers browse without adding', () => {
    const { container } = render(() => (
      <ComponentLibrary registry={catalog} readOnly={true} onAdd={() => {}} />
    ));
    expect(container.querySelectorAll('.library-item')).toHaveLength(catalog.all().length);
    expect(container.querySelectorAll('.library-item__button')).toHaveLength(0);
    expect(container.querySelectorAll('[draggable="true"]')).toHaveLength(0);
  });
});
