/**
 * Leak and duplicate-column detection on generated tables: near-dependencies, imbalanced targets,
 * columns too many-valued to track, and targets beyond the first tracked columns.
 */
import { describe, expect, it } from 'vitest';
import { DependencyTracker } from '../../shared/datasets/profile/dependencies.ts';
import { DEPENDENCY_MAX_COLUMNS, DEPENDENCY_MAX_DISTINCT } from '../../shared/datasets/profile/limits.ts';
import type { DatasetProfile } from '../../shared/datasets/profile/types.ts';
import { profileStream } from '../../shared/datasets/profile-stream.ts';
import { createSeededRandom } from './helpers/seeded-random.ts';

async function profileOf(lines: string[]): Promise<DatasetProfile> {
  const result = await profileStream([`${lines.join('\n')}\n`]);
  if (!result.ok) throw new Error(result.error.message);
  return result.profile;
}

const dependencyWarnings = (profile: DatasetProfile) =>
  profile.warnings.filter((w) => w.kind === 'target-leak' || w.kind === 'duplicate-column');

describe('target leaks', () => {
  it('a column agreeing with the target on 99.6% of rows is a leak, and the message gives the share', async () => {
    const random = createSeededRandom(1);
    const lines = ['feature,status,churn'];
    for (let i = 0; i < 1000; i++) {
      const churn = random.next() < 0.4 ? 1 : 0;
      // Four rows out of a thousand disagree.
      const status = (i % 250 === 0 ? 1 - churn : churn) === 1 ? 'left' : 'stayed';
      lines.push(`${Math.floor(random.next() * 5)},${status},${churn}`);
    }
    const profile = await profileOf(lines);
    expect(profile.target?.column).toBe('churn');
    expect(dependencyWarnings(profile)).toEqual([
      {
        kind: 'target-leak',
        column: 'status',
        target: 'churn',
        message:
          '“status” matches “churn” on 99.6% of rows: it is the target under another name; drop it or the model will cheat.',
      },
      expect.objectContaining({ kind: 'duplicate-column', column: 'churn', duplicateOf: 'status' }),
    ]);
  });

  it('a finer column that fixes the target is a leak without being a duplicate', async () => {
    const lines = ['reason,label'];
    const reasons = ['moved', 'price', 'service', 'renewed', 'upgraded'];
    for (let i = 0; i < 200; i++) {
      const reason = reasons[i % 5]!;
      lines.push(`${reason},${['renewed', 'upgraded'].includes(reason) ? 'stay' : 'leave'}`);
    }
    expect(dependencyWarnings(await profileOf(lines))).toEqual([
      {
        kind: 'target-leak',
        column: 'reason',
        target: 'label',
        message:
          '“reason” determines “label” on every row: it gives the answer away; drop it or the model will cheat.',
      },
    ]);
  });

  it('on a 99%-one-class target, agreeing on 99.5% of rows is no leak: the majority alone gets 99%', async () => {
    const lines = ['flag,target'];
    for (let i = 0; i < 2000; i++) {
      const target = i % 100 === 0 ? 1 : 0; // 20 positives
      // The flag finds half the positives and never fires otherwise: 10 errors in 2000 rows.
      const flag = target === 1 && i % 200 === 0 ? 'y' : 'n';
      lines.push(`${flag},${target}`);
    }
    expect(dependencyWarnings(await profileOf(lines))).toEqual([]);
  });

  it('few rows per value prove nothing', async () => {
    const lines = ['code,label'];
    for (let i = 0; i < 40; i++) lines.push(`c${i % 20},${i % 20 < 10 ? 'a' : 'b'}`);
    expect(dependencyWarnings(await profileOf(lines))).toEqual([]);
  });

  it('a conventional target beyond the first tracked columns still finds its leak', async () => {
    const width = DEPENDENCY_MAX_COLUMNS + 6;
    const names = Array.from({ length: width }, (_, i) => `x${i}`);
    names[width - 3] = 'outcome_text';
    names[width - 2] = 'outcome';
    const random = createSeededRandom(2);
    const lines = [names.join(',')];
    for (let row = 0; row < 300; row++) {
      const outcome = random.next() < 0.5 ? 'win' : 'loss';
      const cells = names.map(() => String(Math.floor(random.next() * 1000)));
      cells[width - 3] = outcome === 'win' ? 'W' : 'L';
      cells[width - 2] = outcome;
      lines.push(cells.join(','));
    }
    const profile = await profileOf(lines);
    expect(profile.target?.column).toBe('outcome');
    // outcome_text is neither among the first columns nor a candidate, so it is not paired with
    // the target: wide files are bounded at the cost of leaks hiding in the middle.
    expect(dependencyWarnings(profile)).toEqual([]);
  });
});

describe('duplicate columns and bounded tracking', () => {
  it('pairs columns only while each has at most DEPENDENCY_MAX_DISTINCT values', () => {
    const tracker = new DependencyTracker(['a', 'b', 'c', 'd'], []);
    for (let i = 0; i < 1000; i++) {
      // a and b: one value each per row index (too many values); c and d: 4 values, one to one.
      const wide = String(i % (DEPENDENCY_MAX_DISTINCT + 1));
      tracker.row([wide, `b${wide}`, `c${i % 4}`, `d${i % 4}`]);
    }
    expect(tracker.warnings(null)).toEqual([
      expect.objectContaining({ kind: 'duplicate-column', column: 'd', duplicateOf: 'c' }),
    ]);
  });

  it('names each column a duplicate of its first twin only', () => {
    const tracker = new DependencyTracker(['a', 'b', 'c'], []);
    for (let i = 0; i < 100; i++) tracker.row([`${i % 3}`, `b${i % 3}`, `c${i % 3}`]);
    expect(
      tracker
        .warnings(null)
        .map((w) => (w.kind === 'duplicate-column' ? `${w.column}=${w.duplicateOf}` : '')),
    ).toEqual(['b=a', 'c=a']);
  });

  it('ignores rows where either cell is missing', () => {
    const tracker = new DependencyTracker(['a', 'b'], []);
    for (let i = 0; i < 100; i++)
      tracker.row([i % 7 === 0 ? '' : `${i % 3}`, i % 5 === 0 ? 'NA' : `x${i % 3}`]);
    expect(tracker.warnings(null)).toHaveLength(1);
  });
});
