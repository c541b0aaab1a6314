/**
 * createRunLog with a fake server and a fake awareness tail: history then live lines with no gap
 * and no duplicate, a gap fetched when the tail jumps ahead, the final catch-up when a run ends.
 * VersionMetricDelta rendered. createRunPresence over a real y-protocols Awareness.
 */
import { render } from '@solidjs/testing-library';
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createRunLog } from '../../client/src/runs/create-run-log.ts';
import { createRunPresence } from '../../client/src/runs/create-run-presence.ts';
import type { LogLine } from '../../client/src/runs/log-merge.ts';
import { VersionMetricDelta } from '../../client/src/runs/VersionMetricDelta.tsx';
import type { RunLogPage } from '../../shared/api/runs.ts';
import type { RunAwareness } from '../../shared/doc/awareness.ts';

const line = (seq: number): LogLine => ({ seq, stream: 'stdout', text: `line ${seq}` });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => line(from + i));

/** A server holding `stored` lines; every request is recorded. */
function fakeServer(stored: () => number, finished: () => boolean) {
  const requests: { after: number; limit: number }[] = [];
  return {
    requests,
    async logs(_runId: string, query: { after: number; limit?: number }): Promise<RunLogPage> {
      const limit = query.limit ?? 1000;
      requests.push({ after: query.after, limit });
      const lines = range(query.after + 1, Math.min(stored(), query.after + limit)).map((l) => ({
        ...l,
        time: new Date(0).toISOString(),
      }));
      const nextAfter = lines.at(-1)?.seq ?? query.after;
      return { lines, nextAfter, complete: finished() && nextAfter >= stored() };
    },
  };
}

const running = (tail: LogLine[], status: RunAwareness['status'] = 'running'): RunAwareness => ({
  status,
  node: null,
  progress: { done: 1, total: 3 },
  tail,
});

/** Resolves once the condition holds, checking after each settled microtask/timer turn. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(check()).toBe(true);
}

describe('createRunLog', () => {
  it('loads history, then follows the tail without duplicates, fetching a gap', async () => {
    let stored = 10;
    const server = fakeServer(
      () => stored,
      () => false,
    );
    const [live, setLive] = createSignal<RunAwareness | undefined>(running(range(6, 10)));
    const log = createRoot(() => createRunLog({ runId: () => 'run-1', api: server, live }));
    await until(() => log.lines().length === 10);
    expect(log.lines().map((l) => l.seq)).toEqual(range(1, 10).map((l) => l.seq));

    // Next update overlaps what is held: only 11–12 are new.
    stored = 12;
    setLive(running(range(8, 12)));
    await until(() => log.lines().length === 12);
    const requestsBefore = server.requests.length;

    // The tail jumps: 13–40 went by between two updates. They are fetched, then 41–50 appended.
    stored = 50;
    setLive(running(range(41, 50)));
    await until(() => log.lines().length === 50);
    expect(server.requests.slice(requestsBefore)).toEqual([{ after: 12, limit: 28 }]);
    const seqs = log.lines().map((l) => l.seq);
    expect(seqs).toEqual(range(1, 50).map((l) => l.seq));
  });

  it('catches up with what was stored after the last tail when the run ends', async () => {
    let stored = 5;
    let finished = false;
    const server = fakeServer(
      () => stored,
      () => finished,
    );
    const [live, setLive] = createSignal<RunAwareness | undefined>(running(range(1, 5)));
    const log = createRoot(() => createRunLog({ runId: () => 'run-2', api: server, live }));
    await until(() => log.lines().length === 5);
    stored = 9;
    finished = true;
    setLive(undefined); // the runner stopped publishing it
    await until(() => log.lines().length === 9);
    expect(log.lines().at(-1)?.seq).toBe(9);
  });

  it('starts near the end of a long log and loads earlier lines on demand', async () => {
    const server = fakeServer(
      () => 100,
      () => true,
    );
    const log = createRoot(() =>
      createRunLog({
        runId: () => 'run-3',
        api: server,
        live: () => undefined,
        knownLines: () => 100,
        cap: 30,
      }),
    );
    await until(() => log.lines().length === 30);
    expect(log.lines()[0]?.seq).toBe(71);
    expect(log.hasEarlier()).toBe(true);
    log.loadEarlier();
    await until(() => log.lines()[0]?.seq === 1);
    expect(log.lines().length).toBe(100);
  });

  it('notices the truncation line', async () => {
    const server = {
      async logs(): Promise<RunLogPage> {
        return {
          lines: [
            { seq: 1, stream: 'system', time: '', text: 'Log truncated: output past 10 MB is not stored' },
          ],
          nextAfter: 1,
          complete: true,
        };
      },
    };
    const log = createRoot(() => createRunLog({ runId: () => 'run-4', api: server, live: () => undefined }));
    await until(() => log.truncated());
  });
});

describe('createRunPresence', () => {
  it('merges runner states and ignores people', () => {
    const doc = new Y.Doc();
    const local = new Awareness(doc);
    const presence = createRoot(() => createRunPresence(local));
    expect(presence.runs().size).toBe(0);
    local.setLocalState({ runs: { r1: running(range(1, 2)) } });
    expect(presence.active()?.runId).toBe('r1');
    local.setLocalState({ runs: { r1: { ...running([]), status: 'succeeded' } } });
    expect(presence.runs().get('r1')?.status).toBe('succeeded');
    expect(presence.active()).toBeNull();
    local.setLocalState({
      user: { id: 'u', name: 'n', color: '#000' },
      cursor: null,
      selection: [],
      drag: null,
    });
    expect(presence.runs().size).toBe(0);
  });
});

describe('VersionMetricDelta', () => {
  it('renders "v7 → v8: F1 +0.021" with better/worse classes', () => {
    const metric = (name: string, value: number) => ({
      nodeId: null,
      name,
      value,
      split: 'test',
      step: null,
    });
    const { container } = render(() => (
      <VersionMetricDelta
        from={{ number: 7, metrics: [metric('f1', 0.9), metric('rmse', 1)] }}
        to={{ number: 8, metrics: [metric('f1', 0.921), metric('rmse', 1.5)] }}
      />
    ));
    expect(container.textContent).toContain('v7 → v8:');
    const deltas = container.querySelectorAll('.metric-delta');
    expect(deltas[0]?.textContent).toContain('F1 +0.021');
    expect(deltas[0]?.classList.contains('metric-delta--better')).toBe(true);
    expect(deltas[1]?.textContent).toContain('RMSE +0.5');
    expect(deltas[1]?.classList.contains('metric-delta--worse')).toBe(true);
  });
});
