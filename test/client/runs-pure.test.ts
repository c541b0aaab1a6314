/** Runs UI building blocks without a DOM: log merge by seq, ANSI colours, auto-scroll, metric deltas. */
import { describe, expect, it } from 'vitest';
import { applySgr, PLAIN_STYLE, parseAnsi, stripAnsi } from '../../client/src/runs/ansi.ts';
import { followAfterScroll, isAtBottom } from '../../client/src/runs/auto-scroll.ts';
import {
  appendLines,
  findGap,
  type LogLine,
  newLinesAfter,
  prependLines,
} from '../../client/src/runs/log-merge.ts';
import {
  formatSignedDelta,
  keyMetrics,
  metricDelta,
  metricDeltas,
} from '../../client/src/runs/metric-delta.ts';
import { describeProgress, formatDuration } from '../../client/src/runs/run-status.ts';
import type { RunMetric } from '../../shared/api/runs.ts';

const line = (seq: number, text = `line ${seq}`): LogLine => ({ seq, stream: 'stdout', text });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => line(from + i));

describe('log merge', () => {
  it('takes only lines after the last one held, in seq order, once', () => {
    expect(newLinesAfter(3, [line(5), line(2), line(4), line(4), line(3)]).map((l) => l.seq)).toEqual([4, 5]);
  });

  it('history then an overlapping tail: no duplicate, no gap', () => {
    const history = range(1, 10);
    const merged = appendLines(history, range(6, 14), 100);
    expect(merged.map((l) => l.seq)).toEqual(range(1, 14).map((l) => l.seq));
  });

  it('returns the same array when the tail brings nothing new (no needless re-render)', () => {
    const held = range(1, 5);
    expect(appendLines(held, range(3, 5), 100)).toBe(held);
  });

  it('finds the gap when the tail jumped ahead of what is held', () => {
    const fresh = newLinesAfter(10, range(31, 80));
    expect(findGap(10, fresh)).toEqual({ after: 10, limit: 20 });
    expect(findGap(30, newLinesAfter(30, range(31, 80)))).toBeNull();
    expect(findGap(80, [])).toBeNull();
  });

  it('keeps at most the cap, newest lines', () => {
    const merged = appendLines(range(1, 8), range(9, 12), 5);
    expect(merged.map((l) => l.seq)).toEqual([8, 9, 10, 11, 12]);
  });

  it('prepends earlier lines without repeating held ones', () => {
    const merged = prependLines(range(5, 7), range(1, 6));
    expect(merged.map((l) => l.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('ANSI colours', () => {
  it('leaves plain text alone', () => {
    expect(parseAnsi('hello')).toEqual([{ text: 'hello', style: PLAIN_STYLE }]);
  });

  it('splits coloured runs and resets', () => {
    const segments = parseAnsi('\x1b[31mError:\x1b[0m bad \x1b[1;92mok\x1b[m');
    expect(segments.map((s) => s.text)).toEqual(['Error:', ' bad ', 'ok']);
    expect(segments[0]?.style.fg).toBe(1);
    expect(segments[1]?.style).toEqual(PLAIN_STYLE);
    expect(segments[2]?.style).toMatchObject({ fg: 10, bold: true });
  });

  it('approximates 256-colour and RGB, handles backgrounds and attribute resets', () => {
    expect(applySgr(PLAIN_STYLE, '38;5;196').fg).toBe(9); // bright red
    expect(applySgr(PLAIN_STYLE, '38;2;0;0;200').fg).toBe(12); // bright blue
    expect(applySgr(PLAIN_STYLE, '44').bg).toBe(4);
    expect(applySgr({ ...PLAIN_STYLE, bold: true, fg: 3 }, '22;39')).toEqual(PLAIN_STYLE);
  });

  it('drops other escapes (cursor, erase line, OSC titles)', () => {
    expect(stripAnsi('\x1b[2K\x1b[1Gprogress 50%\x1b]0;title\x07')).toBe('progress 50%');
    expect(parseAnsi('\x1b[K').length).toBe(0);
  });
});

describe('auto-scroll', () => {
  const box = (scrollTop: number) => ({ scrollTop, scrollHeight: 1000, clientHeight: 200 });
  it('is at the bottom within the slack', () => {
    expect(isAtBottom(box(800))).toBe(true);
    expect(isAtBottom(box(790))).toBe(true);
    expect(isAtBottom(box(700))).toBe(false);
  });
  it('stops following when the reader scrolls up and resumes at the bottom', () => {
    expect(followAfterScroll(box(500), false, true)).toBe(false);
    expect(followAfterScroll(box(800), false, false)).toBe(true);
  });
  it('ignores its own scrolls', () => {
    expect(followAfterScroll(box(500), true, true)).toBe(true);
  });
});

describe('metric deltas', () => {
  const metric = (name: string, value: number, split: string | null = 'test'): RunMetric => ({
    nodeId: null,
    name,
    value,
    split,
    step: null,
  });

  it('formats signed deltas with a real minus sign', () => {
    expect(formatSignedDelta(0.0214)).toBe('+0.021');
    expect(formatSignedDelta(-0.004)).toBe('−0.004');
    expect(formatSignedDelta(0.0001)).toBe('±0');
    expect(formatSignedDelta(2)).toBe('+2');
  });

  it('higher is better for scores, lower for errors', () => {
    expect(metricDelta('f1_macro', 0.9, 0.921).direction).toBe('better');
    expect(metricDelta('accuracy', 0.95, 0.94).direction).toBe('worse');
    expect(metricDelta('rmse', 3.2, 2.9).direction).toBe('better');
    expect(metricDelta('log_loss', 0.2, 0.3).direction).toBe('worse');
    expect(metricDelta('r2', 0.5, 0.5).direction).toBe('same');
  });

  it('compares the test split when a run reports several', () => {
    const before = [metric('accuracy', 0.99, 'train'), metric('accuracy', 0.9)];
    const after = [metric('accuracy', 0.93), metric('accuracy', 1, 'train')];
    expect(keyMetrics(after).get('accuracy')).toBe(0.93);
    const [delta] = metricDeltas(before, after);
    expect(delta).toMatchObject({ name: 'accuracy', text: '+0.03', direction: 'better' });
  });

  it('only metrics both versions have', () => {
    expect(metricDeltas([metric('f1', 0.8)], [metric('accuracy', 0.9)])).toEqual([]);
  });
});

describe('status words', () => {
  it('durations and progress', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(describeProgress(2, 5, 'Scaler')).toBe('Step 3 of 5: Scaler');
    expect(describeProgress(5, 5, null)).toBe('All 5 steps done');
  });
});
