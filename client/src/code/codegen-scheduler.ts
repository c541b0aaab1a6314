/**
 * When to regenerate code, as a plain object (no Solid, no Yjs, no worker), so the timing rules
 * are unit-testable with fake timers and a fake generator:
 *
 * - Changes are debounced on the trailing edge: a burst of edits (typing, a paste, a remote
 *   update arriving in pieces) costs one generation, started `delayMs` after the last change.
 * - The input is read when the debounce fires, so a generation always sees the latest document,
 *   never a snapshot from the start of the burst.
 * - Inputs equal to the last one sent (same key) are not sent again: moving a node changes the
 *   document but not the code.
 * - Every request takes the next sequence number; a result is applied only if no newer request
 *   was made since, so a slow generation can never overwrite a newer one.
 * - `pending` is true from the first change until the newest request has answered.
 */

export interface SchedulerTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface CodegenSchedulerOptions<Input, Result> {
  delayMs: number;
  /** The current input, read when a generation starts. */
  read(): Input;
  /** Inputs with equal keys produce equal results. */
  key(input: Input): string;
  run(input: Input): Promise<Result>;
  onResult(result: Result, input: Input): void;
  onError(error: unknown): void;
  onPending(pending: boolean): void;
  timers?: SchedulerTimers;
}

export interface CodegenScheduler {
  /** The input changed: regenerate after the quiet period. */
  changed(): void;
  /** Regenerate now (skipping the wait), e.g. for the first result. */
  flush(): void;
  dispose(): void;
}

const browserTimers: SchedulerTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function makeCodegenScheduler<Input, Result>(
  options: CodegenSchedulerOptions<Input, Result>,
): CodegenScheduler {
  const timers = options.timers ?? browserTimers;
  let timer: unknown;
  let waiting = false;
  /** Sequence number of the newest request sent, and of the newest one answered. */
  let sent = 0;
  let answered = 0;
  /** Key of the newest request sent; undefined after a failure, so the same input is retried. */
  let lastKey: string | undefined;
  let disposed = false;
  let pending = false;

  const updatePending = () => {
    const next = waiting || answered < sent;
    if (next !== pending) {
      pending = next;
      options.onPending(next);
    }
  };

  const generate = () => {
    waiting = false;
    timer = undefined;
    const input = options.read();
    const key = options.key(input);
    if (key === lastKey) {
      updatePending();
      return;
    }
    lastKey = key;
    const seq = ++sent;
    updatePending();
    options.run(input).then(
      (result) => {
        if (disposed || seq !== sent) return; // a newer request is on its way
        answered = seq;
        options.onResult(result, input);
        updatePending();
      },
      (error: unknown) => {
        if (disposed || seq !== sent) return;
        answered = seq;
        lastKey = undefined;
        options.onError(error);
        updatePending();
      },
    );
  };

  return {
    changed() {
      if (disposed) return;
      if (waiting) timers.clear(timer);
      waiting = true;
      timer = timers.set(generate, options.delayMs);
      updatePending();
    },
    flush() {
      if (disposed) return;
      if (waiting) timers.clear(timer);
      generate();
    },
    dispose() {
      disposed = true;
      if (waiting) timers.clear(timer);
      waiting = false;
    },
  };
}
