import { describe, expect, it } from 'vitest';
import {
  appendToTail,
  isRunFinished,
  type PersonAwareness,
  RUN_TAIL_LINES,
  type RunnerAwareness,
  type RunTailLine,
  readPersonAwareness,
  readRunnerAwareness,
} from '../../shared/doc/awareness.ts';
import { colorForUser, USER_COLORS } from '../../shared/doc/user-color.ts';

const person: PersonAwareness = {
  user: { id: 'u1', name: 'Alice', color: '#d1453b' },
  cursor: { x: 10, y: -5 },
  selection: ['n_a', 'n_b'],
  drag: { nodeId: 'n_a', x: 1, y: 2 },
};

const runner: RunnerAwareness = {
  runs: {
    r1: {
      status: 'running',
      node: 'n_fit',
      progress: { done: 2, total: 5 },
      tail: [{ seq: 0, stream: 'stdout', text: 'fitting' }],
    },
  },
};

describe('colorForUser', () => {
  it('is deterministic and picks from the palette', () => {
    for (const id of ['alice', 'bob', '', 'ü-ñ', 'a'.repeat(1000)]) {
      expect(colorForUser(id)).toBe(colorForUser(id));
      expect(USER_COLORS).toContain(colorForUser(id));
    }
  });

  it('spreads users over the whole palette', () => {
    const used = new Set(Array.from({ length: 200 }, (_, index) => colorForUser(`user-${index}`)));
    expect(used.size).toBe(USER_COLORS.length);
  });
});

describe('readPersonAwareness', () => {
  it('accepts a well-formed state and copies it', () => {
    const read = readPersonAwareness(JSON.parse(JSON.stringify(person)));
    expect(read).toEqual(person);
    expect(readPersonAwareness({ ...person, cursor: null, drag: null })).toEqual({
      ...person,
      cursor: null,
      drag: null,
    });
  });

  it.each([
    ['nothing', undefined],
    ['an empty state (client that has not announced itself)', {}],
    ['a user without a name', { ...person, user: { id: 'u', color: '#000' } }],
    ['a cursor with NaN', { ...person, cursor: { x: Number.NaN, y: 0 } }],
    ['a selection of numbers', { ...person, selection: [1] }],
    ['a drag without a node', { ...person, drag: { x: 1, y: 2 } }],
  ])('rejects %s', (_name, state) => {
    expect(readPersonAwareness(state)).toBeNull();
  });
});

describe('readRunnerAwareness', () => {
  it('accepts a well-formed state', () => {
    expect(readRunnerAwareness(JSON.parse(JSON.stringify(runner)))).toEqual(runner);
  });

  it('keeps a run id of "__proto__" as an ordinary key', () => {
    const read = readRunnerAwareness(JSON.parse(`{"runs":{"__proto__":${JSON.stringify(runner.runs.r1)}}}`));
    expect(Object.keys(read!.runs)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(read!.runs)).toBe(Object.prototype);
  });

  it.each([
    ['no runs', {}],
    ['an unknown status', { runs: { r: { ...runner.runs.r1, status: 'exploded' } } }],
    ['negative progress', { runs: { r: { ...runner.runs.r1, progress: { done: -1, total: 1 } } } }],
    [
      'a tail line on another stream',
      { runs: { r: { ...runner.runs.r1, tail: [{ seq: 1, stream: 'x', text: '' }] } } },
    ],
  ])('rejects %s', (_name, state) => {
    expect(readRunnerAwareness(state)).toBeNull();
  });
});

describe('run tail', () => {
  it('keeps only the last lines', () => {
    const line = (seq: number): RunTailLine => ({ seq, stream: 'stdout', text: `line ${seq}` });
    const tail = appendToTail(
      Array.from({ length: RUN_TAIL_LINES }, (_, seq) => line(seq)),
      [line(RUN_TAIL_LINES), line(RUN_TAIL_LINES + 1)],
    );
    expect(tail).toHaveLength(RUN_TAIL_LINES);
    expect(tail[0].seq).toBe(2);
    expect(tail.at(-1)?.seq).toBe(RUN_TAIL_LINES + 1);
    expect(appendToTail([line(0)], [line(1), line(2)], 2).map((entry) => entry.seq)).toEqual([1, 2]);
  });

  it('knows which statuses are final', () => {
    expect(['queued', 'running'].map((status) => isRunFinished(status as 'queued'))).toEqual([false, false]);
    expect(isRunFinished('timed_out')).toBe(true);
  });
});
