/** The pipeline name in the top bar: rename in place, cancel, and no clobbering by remote edits. */
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { PipelineNameField } from '../../client/src/pipeline/PipelineNameField.tsx';

function setup(readOnly = false) {
  const [name, setName] = createSignal('Churn model');
  const renames: string[] = [];
  render(() => (
    <PipelineNameField
      name={name()}
      readOnly={readOnly}
      onRename={(next) => {
        renames.push(next);
        setName(next);
      }}
    />
  ));
  return { setName, renames };
}

const input = () => screen.getByRole('textbox', { name: 'Pipeline name' }) as HTMLInputElement;

describe('PipelineNameField', () => {
  it('renames on Enter, trims, and ignores an empty name', () => {
    const { renames } = setup();
    fireEvent.click(screen.getByRole('button', { name: /Rename/ }));
    fireEvent.input(input(), { target: { value: '  Customer churn  ' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(renames).toEqual(['Customer churn']);

    fireEvent.click(screen.getByRole('button', { name: /Rename/ }));
    fireEvent.input(input(), { target: { value: '   ' } });
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(renames).toEqual(['Customer churn']);
    expect(screen.getByRole('heading').textContent).toContain('Customer churn');
  });

  it('Escape cancels', () => {
    const { renames } = setup();
    fireEvent.click(screen.getByRole('button', { name: /Rename/ }));
    fireEvent.input(input(), { target: { value: 'Something else' } });
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(renames).toEqual([]);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('keeps what the person types when someone else renames meanwhile', () => {
    const { setName, renames } = setup();
    fireEvent.click(screen.getByRole('button', { name: /Rename/ }));
    fireEvent.input(input(), { target: { value: 'Mine' } });
    setName('Theirs');
    expect(input().value).toBe('Mine');
    fireEvent.keyDown(input(), { key: 'Enter' });
    expect(renames).toEqual(['Mine']);
  });

  it('is plain text for read-only people', () => {
    setup(true);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('Churn model');
  });
});
