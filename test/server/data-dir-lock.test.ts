/**
 * One process per PGlite data directory: a second server on the same DATA_DIR refuses to start
 * with a clear message and exit code 75, while the first keeps serving. Both run as real
 * processes (`node server/main.ts`), as a user would start them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { registerUser } from './helpers/accounts.ts';
import { spawnServer } from './helpers/server-process.ts';
import { testDbKind } from './helpers/test-database.ts';

/** Exit code of main.ts for a locked data directory (EX_TEMPFAIL: try again once the other stops). */
const EXIT_DATA_DIR_LOCKED = 75;

// Always PGlite on disk, whatever the suite's database: the PostgreSQL run would repeat it verbatim.
test.skipIf(testDbKind === 'postgres')(
  'a second server on the same DATA_DIR exits with a clear message; the first keeps serving',
  async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-lock-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const env = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: undefined };

    const first = await spawnServer(env);
    const second = spawnServer(env);
    await expect(second).rejects.toThrow(`server exited with ${EXIT_DATA_DIR_LOCKED} before listening`);
    await expect(second).rejects.toThrow(`Another DominoML process is using the data directory ${dataDir}`);

    // The first one still answers and still writes.
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, database: 'pglite' });
    await registerUser(first.url);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  },
  // Creating a PGlite directory (3–4 s idle) and the lock's retry window (~7 s, to outlast a stale
  // lock) are CPU-bound; on two busy cores next to other test files this took up to ~50 s.
  120_000,
);
