/**
 * Deciding how a run ended and reading the script's report events: the words a person sees, and
 * nothing trusted from the script that should not be.
 */
import { describe, expect, test } from 'vitest';
import { describeJobFailure, WORKER_STOPPED_RESPONDING } from '../../server/runner/reconciler.ts';
import { parseReportEvent } from '../../server/runner/report-events.ts';
import { decideOutcome, describeOutcome, type OutcomeFacts } from '../../server/runner/run-outcome.ts';

const facts = (overrides: Partial<OutcomeFacts>): OutcomeFacts => ({
  end: { kind: 'exited', exitCode: 0 },
  stopReason: null,
  stderrTail: [],
  timeoutMs: 600_000,
  memoryLimitMb: 2048,
  ...overrides,
});

describe('decideOutcome', () => {
  test('exit 0 succeeds', () => {
    expect(decideOutcome(facts({}))).toEqual({ status: 'succeeded', exitCode: 0, error: null });
  });

  test('a non-zero exit fails, naming the exception from the traceback', () => {
    const outcome = decideOutcome(
      facts({
        end: { kind: 'exited', exitCode: 1 },
        stderrTail: [
          'Traceback (most recent call last):',
          '  File "x.py", line 3',
          "FileNotFoundError: [Errno 2] No such file or directory: 'a.csv'",
          '',
        ],
      }),
    );
    expect(outcome).toEqual({
      status: 'failed',
      exitCode: 1,
      error: "Python exited with code 1: FileNotFoundError: [Errno 2] No such file or directory: 'a.csv'",
    });
  });

  test('MemoryError names the limit and the setting', () => {
    const outcome = decideOutcome(
      facts({
        end: { kind: 'exited', exitCode: 1 },
        stderrTail: ['numpy.core._exceptions._ArrayMemoryError: Unable to allocate 8.00 GiB'],
      }),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/ran out of memory.*2048 MB, RUN_MEMORY_LIMIT_MB/);
  });

  test('the runner’s own stop reasons win over how the process died', () => {
    const killed = { kind: 'signalled', signal: 'SIGTERM' } as const;
    expect(decideOutcome(facts({ end: killed, stopReason: 'cancel' })).status).toBe('cancelled');
    const timedOut = decideOutcome(facts({ end: killed, stopReason: 'timeout', timeoutMs: 90_000 }));
    expect(timedOut).toMatchObject({ status: 'timed_out', error: expect.stringContaining('1 min 30 s') });
    expect(decideOutcome(facts({ end: killed, stopReason: 'shutdown' })).error).toMatch(/worker shut down/);
    expect(decideOutcome(facts({ end: killed, stopReason: 'lost_claim' })).error).toMatch(/lost its claim/);
  });

  test('killed by a signal nobody sent hints at memory', () => {
    const outcome = decideOutcome(facts({ end: { kind: 'signalled', signal: 'SIGKILL' } }));
    expect(outcome).toMatchObject({ status: 'failed', exitCode: null });
    expect(outcome.error).toMatch(/SIGKILL.*out of memory/);
  });

  test('the closing log line says what happened', () => {
    expect(describeOutcome({ status: 'succeeded', exitCode: 0, error: null }, 2_500)).toBe(
      'Run succeeded in 2.5 s.',
    );
    expect(describeOutcome({ status: 'cancelled', exitCode: null, error: null }, 400)).toBe(
      'Run cancelled after 400 ms.',
    );
  });
});

describe('parseReportEvent', () => {
  test('reads the three events of the run protocol', () => {
    expect(parseReportEvent('{"type":"progress","node":"n1","label":"Split","done":2,"total":5}')).toEqual({
      type: 'progress',
      node: 'n1',
      label: 'Split',
      done: 2,
      total: 5,
    });
    expect(parseReportEvent('{"type":"metric","node":"m","name":"f1","value":0.5,"split":"test"}')).toEqual({
      type: 'metric',
      node: 'm',
      name: 'f1',
      value: 0.5,
      split: 'test',
      step: null,
    });
    expect(parseReportEvent('{"type":"metric","name":"r2","value":null}')).toMatchObject({ value: null });
    expect(parseReportEvent('{"type":"artifact","node":"s","path":"out/m.joblib","kind":"model"}')).toEqual({
      type: 'artifact',
      node: 's',
      path: 'out/m.joblib',
      kind: 'model',
    });
  });

  test.each([
    'not json',
    '[1,2]',
    '{"type":"progress","done":3,"total":2}',
    '{"type":"progress","done":-1,"total":2}',
    '{"type":"metric","name":"x","value":"0.5"}',
    '{"type":"metric","value":1}',
    '{"type":"artifact","path":"","kind":"model"}',
    '{"type":"explode"}',
  ])('ignores %s', (line) => {
    expect(parseReportEvent(line)).toBeNull();
  });

  test('cuts overlong names', () => {
    const event = parseReportEvent(JSON.stringify({ type: 'metric', name: 'x'.repeat(1_000), value: 1 }));
    expect(event?.type === 'metric' && event.name.length).toBe(200);
  });
});

describe('describeJobFailure', () => {
  test('names what pg-boss recorded for a dead-lettered run job', () => {
    expect(describeJobFailure({ value: { message: 'job heartbeat timeout' } })).toBe(
      WORKER_STOPPED_RESPONDING,
    );
    expect(describeJobFailure({ value: { message: 'job timed out' } })).toMatch(/queue’s time limit/);
    expect(describeJobFailure({ message: 'connection terminated', stack: '…' })).toBe(
      'The runner failed while handling the run: connection terminated. Run it again.',
    );
    expect(describeJobFailure(null)).toBe('The runner failed while handling the run. Run it again.');
  });
});
