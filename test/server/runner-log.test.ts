/**
 * The run log on its way to the database: lines split and numbered without gaps, written in
 * batches one at a time, announced only once stored, and capped with one visible notice.
 */
import { describe, expect, test, vi } from 'vitest';
import { isConnectionError } from '../../server/runner/database-retry.ts';
import { LineSplitter, storableText } from '../../server/runner/line-splitter.ts';
import { BATCH_LINES, type LogLine, RunLog } from '../../server/runner/run-log.ts';

describe('LineSplitter', () => {
  test('joins lines across chunks, UTF-8 characters split between chunks included', () => {
    const splitter = new LineSplitter();
    const bytes = Buffer.from('héllo\r\nwörld\nlast', 'utf8');
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i++) lines.push(...splitter.push(bytes.subarray(i, i + 1)));
    expect(lines).toEqual(['héllo', 'wörld']);
    expect(splitter.end()).toEqual(['last']);
    expect(splitter.end()).toEqual([]);
  });

  test('cuts an endless line into pieces without waiting for its end', () => {
    const splitter = new LineSplitter(10);
    expect(splitter.push(Buffer.from('a'.repeat(25)))).toEqual(['a'.repeat(10), 'a'.repeat(10)]);
    expect(splitter.push(Buffer.from('bb\n'))).toEqual(['aaaaabb']);
  });

  test('never cuts a surrogate pair in half', () => {
    const splitter = new LineSplitter(4);
    const lines = splitter.push(Buffer.from('abc😀def\n', 'utf8'));
    expect(lines.join('')).toBe('abc😀def');
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
  });

  test('NUL cannot be stored in PostgreSQL text and becomes U+FFFD', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
  });
});

function recordingLog(maxBytes: number, persist?: (lines: LogLine[]) => Promise<void>) {
  const stored: LogLine[] = [];
  const announced: number[] = [];
  const batches: number[] = [];
  const log = new RunLog({
    maxBytes,
    persist: async (lines) => {
      await persist?.(lines);
      batches.push(lines.length);
      stored.push(...lines);
    },
    onPersisted: (lines) => {
      // Announced lines are always stored already.
      for (const line of lines) expect(stored.some((s) => s.seq === line.seq)).toBe(true);
      announced.push(...lines.map((line) => line.seq));
    },
  });
  return { log, stored, announced, batches };
}

describe('RunLog', () => {
  test('numbers every line 1, 2, 3, … and writes them in order, in batches', async () => {
    const { log, stored, announced, batches } = recordingLog(10_000_000);
    for (let i = 0; i < 1_234; i++) log.append(i % 2 ? 'stdout' : 'stderr', `line ${i}`);
    await log.flush();
    expect(stored.map((line) => line.seq)).toEqual(Array.from({ length: 1_234 }, (_, i) => i + 1));
    expect(announced).toEqual(stored.map((line) => line.seq));
    expect(Math.max(...batches)).toBeLessThanOrEqual(BATCH_LINES);
    expect(log.lines).toBe(1_234);
  });

  test('one batch at a time: a slow write holds the next one back', async () => {
    let writing = 0;
    let overlap = false;
    const { log } = recordingLog(10_000_000, async () => {
      writing += 1;
      if (writing > 1) overlap = true;
      await new Promise((resolve) => setTimeout(resolve, 5));
      writing -= 1;
    });
    for (let i = 0; i < 3 * BATCH_LINES; i++) log.append('stdout', 'x');
    await log.flush();
    expect(overlap).toBe(false);
  });

  test('past the cap: one notice, then only counting; system lines still kept', async () => {
    const { log, stored } = recordingLog(100);
    for (let i = 0; i < 1_000; i++) log.append('stdout', '123456789'); // 10 bytes with the newline
    log.system('Run cancelled.');
    await log.flush();
    const notices = stored.filter((line) => line.text.startsWith('Log truncated'));
    expect(notices).toHaveLength(1);
    expect(stored.filter((line) => line.stream === 'stdout')).toHaveLength(10);
    expect(stored.at(-1)?.text).toBe('Run cancelled.');
    expect(stored.map((line) => line.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(log.truncated).toBe(true);
    expect(log.bytes).toBe(10_000);
  });

  test('a write that keeps failing is retried, then given up; later lines are dropped', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const { log } = recordingLog(1_000, async () => {
        attempts += 1;
        throw new Error('database down');
      });
      log.append('stdout', 'lost');
      const flushed = log.flush();
      await vi.runAllTimersAsync();
      await flushed;
      expect(attempts).toBeGreaterThan(1);
      expect(log.failure?.message).toBe('database down');
      log.append('stdout', 'also lost');
      expect(log.backlog).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test('while the database is unreachable a batch waits for it (up to 30 s), then every line is stored once', async () => {
    vi.useFakeTimers();
    try {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
      });
      // drizzle wraps the driver's error
      const wrapped = new Error('Failed query: insert into "run_logs" …', { cause: refused });
      const downUntil = Date.now() + 20_000;
      let attempts = 0;
      const { log, stored } = recordingLog(1_000, async () => {
        attempts += 1;
        if (Date.now() < downUntil) throw wrapped;
      });
      log.append('stdout', 'before');
      log.append('stdout', 'during');
      const flushed = log.flush();
      await vi.runAllTimersAsync();
      await flushed;
      expect(log.failure).toBeUndefined();
      expect(attempts).toBeGreaterThan(3);
      expect(stored.map((line) => [line.seq, line.text])).toEqual([
        [1, 'before'],
        [2, 'during'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('isConnectionError', () => {
  test('knows a lost or refused connection on both drivers, however wrapped, and nothing else', () => {
    const wrap = (cause: unknown) => new Error('Failed query: select 1', { cause });
    expect(isConnectionError(wrap(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })))).toBe(true);
    expect(isConnectionError(wrap(Object.assign(new Error('x'), { code: 'CONNECTION_CLOSED' })))).toBe(true);
    expect(isConnectionError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isConnectionError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isConnectionError(wrap(Object.assign(new Error('dup'), { code: '23505' })))).toBe(false);
    expect(isConnectionError(new Error('database down'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});
