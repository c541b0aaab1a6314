/** Metric deltas on the versions timeline: each version against its parent's newest succeeded run. */
import { render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { latestSucceededMetrics, TimelineMetricDelta } from '../../client/src/runs/TimelineMetricDelta.tsx';
import type { RunSummary } from '../../shared/api/runs.ts';
import type { VersionSummary } from '../../shared/api/types.ts';

function run(
  id: string,
  versionId: string,
  status: RunSummary['status'],
  createdAt: string,
  f1: number,
): RunSummary {
  return {
    id,
    pipelineId: 'p',
    version: { id: versionId, number: 0, name: '' },
    status,
    exitCode: 0,
    error: null,
    createdBy: null,
    createdAt,
    startedAt: createdAt,
    finishedAt: createdAt,
    durationMs: 1000,
    worker: null,
    logLines: 0,
    logBytes: 0,
    truncated: false,
    metrics: [{ nodeId: 'eval', name: 'f1_macro', value: f1, split: 'test', step: null }],
  };
}

function version(id: string, number: number, parentVersionId: string | null): VersionSummary {
  return {
    id,
    pipelineId: 'p',
    number,
    name: `v${number}`,
    description: '',
    tag: null,
    parentVersionId,
    isActive: false,
    createdBy: null,
    createdAt: '2026-11-22T10:00:00Z',
    labels: [],
    review: { state: 'none', approved: 0, changesRequested: 0, pending: 0 } as VersionSummary['review'],
    comments: { total: 0, openThreads: 0 },
  };
}

describe('timeline metric deltas', () => {
  it('uses the newest succeeded run of a version, ignoring failed and older runs', () => {
    const runs = [
      run('a', 'v1', 'succeeded', '2026-11-22T10:00:00Z', 0.5),
      run('b', 'v1', 'succeeded', '2026-11-22T11:00:00Z', 0.7),
      run('c', 'v1', 'failed', '2026-11-22T12:00:00Z', 0.1),
    ];
    expect(latestSucceededMetrics(runs, 'v1')?.[0]?.value).toBe(0.7);
    expect(latestSucceededMetrics(runs, 'v2')).toBeUndefined();
  });

  it('shows "v1 → v2" with the change, and appears once the second run succeeds', () => {
    const [runs, setRuns] = createSignal<readonly RunSummary[]>([
      run('a', 'v1', 'succeeded', '2026-11-22T10:00:00Z', 0.9),
    ]);
    const { container } = render(() => (
      <TimelineMetricDelta version={version('v2', 2, 'v1')} parent={version('v1', 1, null)} runs={runs} />
    ));
    expect(container.textContent).toBe('');
    setRuns([...runs(), run('b', 'v2', 'succeeded', '2026-11-22T11:00:00Z', 0.921)]);
    expect(container.textContent).toContain('v1 → v2:');
    expect(container.textContent).toContain('+0.021');
  });
});
