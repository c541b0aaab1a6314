/**
 * One DominoML process per data directory. PGlite has no lock of its own, and a second process on
 * the same files silently loses writes, so the server refuses to start instead.
 *
 * proper-lockfile keeps the lock fresh by touching it; a lock left by a process killed with -9
 * goes stale after `STALE_MS`, so a restart after a crash waits at most that long.
 */
import path from 'node:path';
import lockfile from 'proper-lockfile';

const STALE_MS = 5_000;
const REFRESH_MS = 1_000;

export class DataDirLockedError extends Error {
  constructor(dataDir: string) {
    super(
      `Another DominoML process is using the data directory ${dataDir}. ` +
        'Stop it first, or start this one with a different DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, 'dominoml.lock'),
      stale: STALE_MS,
      update: REFRESH_MS,
      // Long enough to outlast a stale lock left by a crashed process, short for a live one.
      retries: { retries: 8, factor: 1.3, minTimeout: 300, maxTimeout: 1_500 },
      onCompromised: (error) => {
        // Someone else took the directory (or it vanished): writing on would corrupt data.
        console.error(`[dominoml] data directory lock lost: ${error.message}; exiting`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw error;
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await release();
    },
  };
}
