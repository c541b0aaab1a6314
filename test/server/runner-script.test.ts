/**
 * The execution engine on raw scripts (no queue, no database): a script printing without end is
 * capped — one notice, then only counted — while it keeps running until stopped; a script past the
 * memory limit fails with a message naming the limit; stdout and stderr lines keep their order
 * within each stream.
 */
import { describe, expect, test } from 'vitest';
import { createMemoryBlobStore } from '../../server/blobs/memory-blob-store.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { type LogLine, RunLog } from '../../server/runner/run-log.ts';
import type { RunPresence } from '../../server/runner/run-presence.ts';
import { runScript, type ScriptResult } from '../../server/runner/run-script.ts';
import { detectSandbox } from '../../server/runner/sandbox.ts';

const config = loadConfig({}, {});
const MEMORY_LIMIT_MB = 1024;

const nowhere: RunPresence = { update: () => {}, appendTail: () => {}, finish: () => {} };

async function execute(
  code: string,
  options: {
    maxBytes?: number;
    timeoutMs?: number;
    onLine?: (line: LogLine, log: RunLog) => void;
    stop?: AbortSignal;
  } = {},
): Promise<{ result: ScriptResult; lines: LogLine[]; log: RunLog }> {
  const sandbox = await detectSandbox(
    { python: config.python, mode: 'auto', memoryLimitMb: MEMORY_LIMIT_MB },
    createLogger('silent'),
  );
  const lines: LogLine[] = [];
  const log: RunLog = new RunLog({
    maxBytes: options.maxBytes ?? 1_000_000,
    persist: async (batch) => {
      lines.push(...batch);
    },
    onPersisted: (batch) => {
      for (const line of batch) options.onLine?.(line, log);
    },
  });
  const result = await runScript({
    runId: '00000000-0000-4000-8000-000000000000',
    code,
    sandbox,
    limits: { timeoutMs: options.timeoutMs ?? 60_000, memoryLimitMb: MEMORY_LIMIT_MB, threads: 1 },
    log,
    presence: nowhere,
    blobs: createMemoryBlobStore(),
    stop: options.stop ?? new AbortController().signal,
  });
  await log.flush();
  return { result, lines, log };
}

describe('runScript', () => {
  test('endless output is capped with one notice while the script runs on, until it is stopped', async () => {
    const stop = new AbortController();
    const script =
      'import itertools\nfor i in itertools.count():\n    print("line %d %s" % (i, "x" * 100))\n';
    const { result, lines, log } = await execute(script, {
      maxBytes: 50_000,
      onLine: (line, current) => {
        if (!line.text.startsWith('Log truncated')) return;
        // Nothing more is stored after the notice: watch the count grow to ten times the cap.
        const watch = setInterval(() => {
          if (current.bytes <= 500_000) return;
          clearInterval(watch);
          stop.abort('cancel');
        }, 20);
      },
      stop: stop.signal,
    });
    expect(result.outcome.status).toBe('cancelled');
    const notices = lines.filter((line) => line.text.startsWith('Log truncated'));
    expect(notices).toHaveLength(1);
    const stdout = lines.filter((line) => line.stream === 'stdout');
    expect(stdout.length).toBeGreaterThan(100);
    expect(stdout.reduce((sum, line) => sum + Buffer.byteLength(line.text) + 1, 0)).toBeLessThanOrEqual(
      50_000,
    );
    expect(stdout.map((line) => line.text)).toEqual(stdout.map((_, i) => `line ${i} ${'x'.repeat(100)}`));
    expect(log.bytes).toBeGreaterThan(500_000);
  }, 30_000);

  test('past the memory limit the run fails and says which limit', async () => {
    const { result } = await execute('data = bytearray(3 * 1024 ** 3)\n');
    expect(result.outcome).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(result.outcome.error).toMatch(/ran out of memory: MemoryError.*1024 MB, RUN_MEMORY_LIMIT_MB/);
  });

  test('stdout and stderr keep their own order; a last line without a newline is kept', async () => {
    const script =
      'import sys\nfor i in range(200):\n    print(i)\n    print(-i, file=sys.stderr)\nsys.stdout.write("end")\n';
    const { result, lines } = await execute(script);
    expect(result.outcome.status).toBe('succeeded');
    const stdout = lines.filter((line) => line.stream === 'stdout').map((line) => line.text);
    const stderr = lines.filter((line) => line.stream === 'stderr').map((line) => line.text);
    expect(stdout).toEqual([...Array.from({ length: 200 }, (_, i) => String(i)), 'end']);
    expect(stderr).toEqual(Array.from({ length: 200 }, (_, i) => String(-i)));
  });
});
