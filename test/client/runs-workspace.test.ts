/**
 * createRunWorkspace on the page of the person who pressed Run: the canvas glow
 * (`runningNodeId`) follows the node in the runner's awareness state — received from the server
 * like any other client's — while finished runs still linger in that state, and goes out when the
 * run ends. The page's own presence (its cursor moving) does not disturb it.
 */
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createRunWorkspace } from '../../client/src/runs/create-run-workspace.ts';
import type { RunsApi } from '../../client/src/runs/runs-api.ts';
import { recordNotification } from '../../shared/api/notifications.ts';
import type { RunDetail, RunSummary } from '../../shared/api/runs.ts';
import type { RunAwareness } from '../../shared/doc/awareness.ts';

const run = (status: RunAwareness['status'], node: string | null, done: number): RunAwareness => ({
  status,
  node,
  progress: { done, total: done === 0 ? 0 : 7 },
  tail: [],
});

/** The runner, another client of the pipeline: its states reach the page as awareness updates. */
function runnerClient(page: Awareness) {
  const runner = new Awareness(new Y.Doc());
  return (runs: Record<string, RunAwareness>) => {
    runner.setLocalState({ runs });
    applyAwarenessUpdate(page, encodeAwarenessUpdate(runner, [runner.clientID]), 'server');
  };
}

function fakeApi(startedRunId: string, listed: () => RunSummary[] = () => []): RunsApi {
  return {
    start: async () => ({ id: startedRunId }) as RunDetail,
    list: async () => ({ items: listed(), total: listed().length, limit: 100, offset: 0 }),
    get: async () => {
      throw new Error('not used');
    },
    logs: async () => {
      throw new Error('not used');
    },
    cancel: async () => {
      throw new Error('not used');
    },
    versionMetrics: async () => {
      throw new Error('not used');
    },
  };
}

describe('createRunWorkspace', () => {
  it("glows the runner's node on the page of the person who started the run, beside lingering runs", async () => {
    const page = new Awareness(new Y.Doc());
    const person = {
      user: { id: 'u1', name: 'Ann', color: '#123456' },
      cursor: null,
      selection: [],
      drag: null,
    };
    page.setLocalState(person);
    const publish = runnerClient(page);
    let consoleShown = 0;
    const { workspace, dispose } = createRoot((dispose) => ({
      workspace: createRunWorkspace({
        api: fakeApi('r3'),
        pipelineId: 'p1',
        awareness: page,
        subscribe: () => () => {},
        onError: (message) => {
          throw new Error(message);
        },
        onShowConsole: () => {
          consoleShown += 1;
        },
      }),
      dispose,
    }));

    // Two earlier runs ended a moment ago and still linger in the runner's state.
    const finished = { r1: run('succeeded', null, 7), r2: run('succeeded', null, 7) };
    publish(finished);
    expect(workspace.runningNodeId()).toBeNull();

    await workspace.start();
    expect(workspace.consoleRunId()).toBe('r3');
    expect(consoleShown).toBeGreaterThan(0);

    publish({ ...finished, r3: run('running', null, 0) });
    expect(workspace.runningNodeId()).toBeNull();
    publish({ ...finished, r3: run('running', 'iris', 1) });
    expect(workspace.runningNodeId()).toBe('iris');
    // The page's own cursor moving changes awareness too, and leaves the glow where it is.
    page.setLocalState({ ...person, cursor: { x: 10, y: 20 } });
    expect(workspace.runningNodeId()).toBe('iris');
    publish({ ...finished, r3: run('running', 'save-model', 7) });
    expect(workspace.runningNodeId()).toBe('save-model');
    expect(workspace.consoleLive()?.progress).toEqual({ done: 7, total: 7 });

    publish({ ...finished, r3: run('succeeded', null, 7) });
    expect(workspace.runningNodeId()).toBeNull();
    expect(workspace.consoleLive()?.status).toBe('succeeded');
    dispose();
  });

  it('opens the console for a watcher whose run list heard of the run before its presence did', async () => {
    const page = new Awareness(new Y.Doc());
    const publish = runnerClient(page);
    let listed: RunSummary[] = [];
    let notify: ((payload: string) => void) | undefined;
    let consoleShown = 0;
    const { workspace, dispose } = createRoot((dispose) => ({
      workspace: createRunWorkspace({
        api: fakeApi('unused', () => listed),
        pipelineId: 'p1',
        awareness: page,
        // The run list refetches when the server announces a run change.
        subscribe: (listener) => {
          notify = listener;
          return () => {};
        },
        onError: (message) => {
          throw new Error(message);
        },
        onShowConsole: () => {
          consoleShown += 1;
        },
      }),
      dispose,
    }));
    await expect.poll(() => workspace.list.loading()).toBe(false); // the first (empty) list is in

    // Another person started r7: the announcement reaches this page's run list first, and the
    // console (which shows the newest run when nothing is live) takes it without opening.
    listed = [{ id: 'r7', status: 'queued' } as RunSummary];
    notify?.(
      JSON.stringify(recordNotification({ kind: 'run', action: 'created', id: 'r7', versionId: 'v7' })),
    );
    await expect.poll(() => workspace.consoleRunId()).toBe('r7');
    expect(consoleShown).toBe(0);

    // Then the runner's presence says r7 is live: the console opens for it.
    publish({ r7: run('running', 'iris', 1) });
    expect(consoleShown).toBe(1);
    expect(workspace.consoleRunId()).toBe('r7');
    publish({ r7: run('running', 'save-model', 6) });
    expect(consoleShown).toBe(1);
    dispose();
  });
});
