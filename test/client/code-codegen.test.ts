/**
 * The timing of live code generation: the scheduler alone with fake timers and hand-resolved
 * requests, then createCodegen over a real Y.Doc with a fake worker connection.
 */
import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodegenConnection } from '../../client/src/code/codegen-connection.ts';
import { makeCodegenScheduler } from '../../client/src/code/codegen-scheduler.ts';
import { createCodegen } from '../../client/src/code/create-codegen.ts';
import { deleteNodes, MIGRATION_ORIGIN, moveNodes, setParam } from '../../shared/doc/index.ts';
import type { PipelineGraph } from '../../shared/graph/types.ts';
import type { GenerateOptions, HighlightedResult } from '../../workers/codegen-api.ts';
import { codegenApi } from '../../workers/codegen-api.ts';
import { sceneDoc, templateScene } from '../fixtures/scenes/index.ts';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('makeCodegenScheduler', () => {
  function setup() {
    let input = 'v0';
    const requests: { input: string; answer: Deferred<string> }[] = [];
    const results: string[] = [];
    const errors: unknown[] = [];
    const pending: boolean[] = [];
    const scheduler = makeCodegenScheduler<string, string>({
      delayMs: 100,
      read: () => input,
      key: (value) => value.split('#')[0]!, // "#…" stands for changes that do not matter (positions)
      run: (value) => {
        const answer = deferred<string>();
        requests.push({ input: value, answer });
        return answer.promise;
      },
      onResult: (result) => results.push(result),
      onError: (error) => errors.push(error),
      onPending: (value) => pending.push(value),
    });
    return {
      scheduler,
      requests,
      results,
      errors,
      pending,
      set: (value: string) => {
        input = value;
      },
    };
  }

  it('debounces a burst of changes into one request with the latest input', async () => {
    const t = setup();
    for (const value of ['v1', 'v2', 'v3']) {
      t.set(value);
      t.scheduler.changed();
      vi.advanceTimersByTime(60);
    }
    expect(t.requests).toHaveLength(0);
    expect(t.pending).toEqual([true]);
    vi.advanceTimersByTime(40);
    expect(t.requests.map((r) => r.input)).toEqual(['v3']);
    t.requests[0]!.answer.resolve('code v3');
    await vi.runAllTimersAsync();
    expect(t.results).toEqual(['code v3']);
    expect(t.pending).toEqual([true, false]);
  });

  it('drops a stale result when a newer request was made, and stays pending until the newest answers', async () => {
    const t = setup();
    t.set('v1');
    t.scheduler.flush();
    t.set('v2');
    t.scheduler.changed();
    vi.advanceTimersByTime(100);
    expect(t.requests.map((r) => r.input)).toEqual(['v1', 'v2']);
    // The newer answers first; the older one arrives late and must not overwrite it.
    t.requests[1]!.answer.resolve('code v2');
    await Promise.resolve();
    t.requests[0]!.answer.resolve('code v1');
    await vi.runAllTimersAsync();
    expect(t.results).toEqual(['code v2']);
    expect(t.pending.at(-1)).toBe(false);

    // Older first: still only the newest is applied, and pending holds until it answers.
    t.set('v3');
    t.scheduler.flush();
    t.set('v4');
    t.scheduler.flush();
    t.requests[2]!.answer.resolve('code v3');
    await vi.runAllTimersAsync();
    expect(t.results).toEqual(['code v2']);
    expect(t.pending.at(-1)).toBe(true);
    t.requests[3]!.answer.resolve('code v4');
    await vi.runAllTimersAsync();
    expect(t.results).toEqual(['code v2', 'code v4']);
    expect(t.pending.at(-1)).toBe(false);
  });

  it('sends nothing when the input did not change in a way that matters', async () => {
    const t = setup();
    t.set('v1');
    t.scheduler.flush();
    t.requests[0]!.answer.resolve('code v1');
    await vi.runAllTimersAsync();
    t.set('v1#moved');
    t.scheduler.changed();
    expect(t.pending.at(-1)).toBe(true);
    vi.advanceTimersByTime(100);
    expect(t.requests).toHaveLength(1);
    expect(t.pending.at(-1)).toBe(false);
  });

  it('reports a failure, and retries the same input on the next change', async () => {
    const t = setup();
    t.set('v1');
    t.scheduler.flush();
    t.requests[0]!.answer.reject(new Error('boom'));
    await vi.runAllTimersAsync();
    expect(t.errors).toHaveLength(1);
    expect(t.pending.at(-1)).toBe(false);
    t.scheduler.changed();
    vi.advanceTimersByTime(100);
    expect(t.requests.map((r) => r.input)).toEqual(['v1', 'v1']);
  });

  it('does nothing after dispose, even for answers already on their way', async () => {
    const t = setup();
    t.set('v1');
    t.scheduler.flush();
    t.scheduler.changed();
    t.scheduler.dispose();
    vi.advanceTimersByTime(1000);
    t.requests[0]!.answer.resolve('late');
    await vi.runAllTimersAsync();
    expect(t.requests).toHaveLength(1);
    expect(t.results).toEqual([]);
  });
});

describe('createCodegen', () => {
  /** A worker stand-in that runs the real generator, answering when the test says so. */
  function fakeConnection() {
    const calls: { graph: PipelineGraph; options: GenerateOptions; answer: Deferred<HighlightedResult> }[] =
      [];
    let disposed = false;
    const connection: CodegenConnection = {
      generate(graph, options) {
        const answer = deferred<HighlightedResult>();
        calls.push({ graph, options, answer });
        return answer.promise;
      },
      dispose() {
        disposed = true;
      },
    };
    const answer = (index: number) => {
      const call = calls[index]!;
      call.answer.resolve(codegenApi.generateHighlighted(call.graph, call.options));
    };
    return { connection, calls, answer, isDisposed: () => disposed };
  }

  it('generates at once, then once per burst of document changes, from the latest document', async () => {
    const doc = sceneDoc(templateScene(), { name: 'Iris' });
    const fake = fakeConnection();
    const { codegen, dispose } = createRoot((dispose) => ({
      codegen: createCodegen(doc, { connect: () => fake.connection, delayMs: 120 }),
      dispose,
    }));
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.options).toEqual({ title: 'Iris' });
    expect(codegen.pending()).toBe(true);
    fake.answer(0);
    await vi.runAllTimersAsync();
    expect(codegen.pending()).toBe(false);
    expect(codegen.code()).toContain('LogisticRegression(max_iter=200, random_state=0)');
    expect(codegen.sourceMap().length).toBeGreaterThan(0);
    expect(codegen.problems()).toEqual([]);

    // Three edits in quick succession, by anyone (the origin does not matter): one request, with the last value.
    for (const c of [0.1, 0.2, 0.5]) {
      setParam(doc, MIGRATION_ORIGIN, 'model', 'C', c);
      vi.advanceTimersByTime(50);
    }
    expect(fake.calls).toHaveLength(1);
    expect(codegen.pending()).toBe(true);
    vi.advanceTimersByTime(120);
    expect(fake.calls).toHaveLength(2);
    fake.answer(1);
    await vi.runAllTimersAsync();
    expect(codegen.code()).toContain('LogisticRegression(C=0.5, max_iter=200, random_state=0)');

    // Moving a node changes no code: nothing is sent.
    moveNodes(doc, MIGRATION_ORIGIN, [{ id: 'model', x: 10, y: 10 }]);
    vi.advanceTimersByTime(500);
    expect(fake.calls).toHaveLength(2);
    expect(codegen.pending()).toBe(false);

    // Problems come with the code, for the graph they were found in.
    deleteNodes(doc, MIGRATION_ORIGIN, ['data']);
    vi.advanceTimersByTime(120);
    fake.answer(2);
    await vi.runAllTimersAsync();
    expect(codegen.problems().map((p) => [p.code, p.nodeId])).toEqual([['missing-input', 'split']]);
    expect(codegen.graph().nodes.some((n) => n.id === 'data')).toBe(false);

    dispose();
    expect(fake.isDisposed()).toBe(true);
    setParam(doc, MIGRATION_ORIGIN, 'model', 'C', 2);
    vi.advanceTimersByTime(500);
    expect(fake.calls).toHaveLength(3);
  });

  it('keeps unchanged problems as the same objects, so unaffected badges do not re-render', async () => {
    const doc = sceneDoc(templateScene(), { name: 'Iris' });
    deleteNodes(doc, MIGRATION_ORIGIN, ['data']);
    const fake = fakeConnection();
    const codegen = createRoot(() => createCodegen(doc, { connect: () => fake.connection }));
    fake.answer(0);
    await vi.runAllTimersAsync();
    const before = codegen.problems();
    setParam(doc, MIGRATION_ORIGIN, 'model', 'C', 3);
    vi.advanceTimersByTime(200);
    fake.answer(1);
    await vi.runAllTimersAsync();
    expect(codegen.code()).toContain('C=3');
    expect(codegen.problems()).toBe(before);
  });

  it('says so when the worker cannot start or a generation fails', async () => {
    const doc = sceneDoc(templateScene());
    const broken = createRoot(() =>
      createCodegen(doc, {
        connect: () => {
          throw new Error('Workers are disabled');
        },
      }),
    );
    expect(broken.error()).toMatch(/could not start: Workers are disabled/);
    expect(broken.pending()).toBe(false);

    const fake = fakeConnection();
    const failing = createRoot(() => createCodegen(doc, { connect: () => fake.connection }));
    fake.calls[0]!.answer.reject(new Error('out of memory'));
    await vi.runAllTimersAsync();
    expect(failing.error()).toMatch(/failed: out of memory/);
    setParam(doc, MIGRATION_ORIGIN, 'model', 'C', 4);
    vi.advanceTimersByTime(200);
    fake.answer(1);
    await vi.runAllTimersAsync();
    expect(failing.error()).toBeNull();
    expect(failing.code()).toContain('C=4');
  });
});
