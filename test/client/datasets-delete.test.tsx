/**
 * Deleting a dataset in use: the server's 409 names where it is attached, and the owner may detach
 * it from every one of those pipelines and delete it, warned that their runs will fail.
 */
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { describe, expect, it } from 'vitest';
import { ApiRequestError, readErrorResponse } from '../../client/src/api/errors.ts';
import { DeleteDatasetDialog } from '../../client/src/datasets/DeleteDatasetDialog.tsx';
import { attachmentsOf } from '../../client/src/datasets/datasets-api.ts';
import type { DatasetSummary } from '../../shared/api/datasets.ts';

const dataset: DatasetSummary = {
  id: 'd1',
  name: 'tips',
  fileName: 'tips.csv',
  sizeBytes: 7943,
  rows: 244,
  columns: 7,
  owner: { id: 'u1', username: 'alice' },
  access: 'owner',
  pipelines: [{ id: 'p1', name: 'Tips' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const MESSAGE =
  'The dataset is attached to "Tips", 2 pipelines you are not a member of; detach it from every pipeline first';

function inUse(pipelineIds: string[], visible = [{ id: 'p1', name: 'Tips' }]): ApiRequestError {
  return new ApiRequestError(
    409,
    'conflict',
    MESSAGE,
    {},
    {
      attached: { pipelineIds, visible, hidden: pipelineIds.length - visible.length },
    },
  );
}

function mount(options: {
  remove: (id: string) => Promise<void>;
  detach?: (pipelineId: string, datasetId: string) => Promise<void>;
}) {
  const detached: string[] = [];
  const deleted: DatasetSummary[] = [];
  render(() => (
    <DeleteDatasetDialog
      dataset={dataset}
      remove={options.remove}
      detach={async (pipelineId, datasetId) => {
        expect(datasetId).toBe('d1');
        await options.detach?.(pipelineId, datasetId);
        detached.push(pipelineId);
      }}
      onClose={() => {}}
      onDeleted={(d) => deleted.push(d)}
    />
  ));
  const dialog = () => screen.getByRole('alertdialog', { name: 'Delete “tips”?' });
  return { detached, deleted, dialog };
}

describe('attachmentsOf', () => {
  it('reads the attachments of a 409 answer, and nothing else', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          code: 'conflict',
          message: MESSAGE,
          attached: { pipelineIds: ['p1', 'p2', 'p3'], visible: [{ id: 'p1', name: 'Tips' }], hidden: 2 },
        },
      }),
      { status: 409, headers: { 'content-type': 'application/json' } },
    );
    const error = await readErrorResponse(response);
    expect(error.message).toBe(MESSAGE);
    expect(attachmentsOf(error)).toEqual({
      pipelineIds: ['p1', 'p2', 'p3'],
      visible: [{ id: 'p1', name: 'Tips' }],
      hidden: 2,
    });
    expect(attachmentsOf(new ApiRequestError(409, 'conflict', 'in use'))).toBeNull();
    expect(attachmentsOf(new ApiRequestError(403, 'forbidden', 'no', {}, { attached: {} }))).toBeNull();
    expect(
      attachmentsOf(new ApiRequestError(409, 'conflict', 'x', {}, { attached: { pipelineIds: [1] } })),
    ).toBeNull();
    expect(attachmentsOf(new Error('boom'))).toBeNull();
  });
});

describe('DeleteDatasetDialog', () => {
  it('offers to detach it from every pipeline (also those the owner is not on) and delete it', async () => {
    let calls = 0;
    const { detached, deleted, dialog } = mount({
      remove: async () => {
        calls += 1;
        if (calls === 1) throw inUse(['p1', 'p2', 'p3']);
      },
    });
    // Before asking the server: the pipelines it knows, and no detaching yet.
    expect(within(dialog()).getByRole('listitem').textContent).toBe('Tips');
    expect(within(dialog()).queryByRole('button', { name: /^Detach/ })).toBeNull();
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Delete dataset' }));

    const offer = await within(dialog()).findByRole('button', { name: 'Detach from 3 pipelines and delete' });
    expect(within(dialog()).getByRole('alert').textContent).toContain('detach it from every pipeline first');
    const list = within(dialog()).getByRole('list', { name: 'Pipelines using it' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Tips', '2 pipelines you are not a member of']);
    expect(screen.getByTestId('delete-dataset-warning').textContent).toContain(
      'runs of those pipelines will fail until someone there chooses another dataset',
    );
    expect(within(dialog()).queryByRole('button', { name: 'Delete dataset' })).toBeNull();
    expect(detached).toEqual([]);

    fireEvent.click(offer);
    await waitFor(() => expect(deleted).toEqual([dataset]));
    expect([...detached].sort()).toEqual(['p1', 'p2', 'p3']);
    expect(calls).toBe(2);
  });

  it('deletes nothing when a pipeline could not be detached, and says how many were', async () => {
    let calls = 0;
    const { detached, deleted, dialog } = mount({
      remove: async () => {
        calls += 1;
        throw inUse(['p1', 'p2', 'p3']);
      },
      detach: async (pipelineId) => {
        if (pipelineId === 'p2') throw new ApiRequestError(0, 'network_error', 'Cannot reach the server.');
      },
    });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Delete dataset' }));
    fireEvent.click(
      await within(dialog()).findByRole('button', { name: 'Detach from 3 pipelines and delete' }),
    );
    await waitFor(() =>
      expect(within(dialog()).getByRole('alert').textContent).toBe(
        'Detached from 2 of 3 pipelines; 1 could not be detached (Cannot reach the server.). Nothing was deleted; try again.',
      ),
    );
    expect([...detached].sort()).toEqual(['p1', 'p3']);
    expect(calls).toBe(1);
    expect(deleted).toEqual([]);
    // The offer stays for another try.
    expect(within(dialog()).getByRole('button', { name: 'Detach from 3 pipelines and delete' })).toBeTruthy();
  });

  it('attached again meanwhile: the new refusal replaces the offer', async () => {
    let calls = 0;
    const { deleted, dialog } = mount({
      remove: async () => {
        calls += 1;
        throw calls === 1 ? inUse(['p1']) : inUse(['p1', 'p4'], [{ id: 'p4', name: 'New work' }]);
      },
    });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Delete dataset' }));
    const single = await within(dialog()).findByRole('button', { name: 'Detach from 1 pipeline and delete' });
    expect(screen.getByTestId('delete-dataset-warning').textContent).toContain(
      'runs of that pipeline will fail',
    );
    fireEvent.click(single);
    await within(dialog()).findByRole('button', { name: 'Detach from 2 pipelines and delete' });
    const list = within(dialog()).getByRole('list', { name: 'Pipelines using it' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['New work', '1 pipeline you are not a member of']);
    expect(deleted).toEqual([]);
  });

  it('a refusal that names no pipelines shows the message and offers nothing new', async () => {
    const { dialog } = mount({
      remove: async () => {
        throw new ApiRequestError(409, 'conflict', 'The dataset is attached to "Tips"; detach it first');
      },
    });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Delete dataset' }));
    await waitFor(() => expect(within(dialog()).getByRole('alert').textContent).toContain('detach it first'));
    expect(within(dialog()).queryByRole('button', { name: /^Detach/ })).toBeNull();
    expect(within(dialog()).getByRole('button', { name: 'Delete dataset' })).toBeTruthy();
  });
});
