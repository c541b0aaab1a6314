/** The per-pipeline datasets: loaded once, refetched on `dataset` record notifications, facts for the lint. */
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createPipelineDatasets } from '../../client/src/datasets/create-pipeline-datasets.ts';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import { recordNotification } from '../../shared/api/notifications.ts';
import { PROFILE_VERSION } from '../../shared/datasets/profile/index.ts';

function record(name: string): DatasetRecord {
  return {
    id: 'd1',
    name,
    fileName: 'tips.csv',
    sizeBytes: 10,
    rows: 2,
    columns: 1,
    owner: { id: 'u1', username: 'alice' },
    access: 'owner',
    pipelines: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    profile: {
      version: PROFILE_VERSION,
      rows: 2,
      columns: [
        {
          name: 'tip',
          kind: 'float',
          dtype: 'float64',
          count: 1,
          missing: 1,
          distinct: { count: 1, exact: true },
          numeric: null,
          top: [],
          topExact: true,
        },
      ],
      delimiter: ',',
      encoding: 'utf-8',
      duplicateRows: { count: 0, exact: true },
      target: null,
      warnings: [],
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createPipelineDatasets', () => {
  it('refetches on dataset notifications only, and keeps the facts while profiles stay the same', async () => {
    let answers = [[record('tips')]];
    const calls: string[] = [];
    const listeners = new Set<(payload: string) => void>();
    const emit = (payload: string) => {
      for (const listener of listeners) listener(payload);
    };
    await createRoot(async (dispose) => {
      const datasets = createPipelineDatasets({
        api: {
          forPipeline: async (pipelineId) => {
            calls.push(pipelineId);
            return answers[0]!;
          },
        },
        pipelineId: 'p1',
        subscribe: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      });
      await tick();
      expect(calls).toEqual(['p1']);
      expect(datasets.loading()).toBe(false);
      const facts = datasets.facts();
      expect(facts).toEqual({ d1: { columns: [{ name: 'tip', dtype: 'float64', missing: 1 }] } });

      emit(JSON.stringify(recordNotification({ kind: 'run', action: 'created', id: 'r1', versionId: 'v1' })));
      emit('not json');
      await tick();
      expect(calls).toHaveLength(1);

      answers = [[record('Tips renamed')]];
      emit(JSON.stringify(recordNotification({ kind: 'dataset', action: 'renamed', id: 'd1' })));
      await tick();
      expect(calls).toHaveLength(2);
      expect(datasets.byId('d1')?.name).toBe('Tips renamed');
      // Same profile: the same facts object, so code is not regenerated for a rename.
      expect(datasets.facts()).toBe(facts);

      answers = [[]];
      emit(JSON.stringify(recordNotification({ kind: 'dataset', action: 'detached', id: 'd1' })));
      await tick();
      expect(datasets.facts()).toEqual({});
      dispose();
    });
    expect(listeners.size).toBe(0);
  });
});
