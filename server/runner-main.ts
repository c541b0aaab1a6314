/**
 * Entry point of `npm run runner`: a standalone worker executing queued runs from the same
 * PostgreSQL as the servers, on this machine or another (ARCHITECTURE §2). Run record changes
 * (started, finished) reach people through the database (NOTIFY, runner/run-announcements.ts); live
 * state (log tail, progress) through a server's sync endpoint (`DOMINOML_SERVER_URL` +
 * `RUNNER_TOKEN`, runner/remote-presence.ts). Datasets are read from and artifacts written to the
 * `BLOB_STORE` the servers use: `database` shares them through PostgreSQL; `filesystem` only when
 * `DATA_DIR` is the servers' directory (e.g. a network mount).
 */
import os from 'node:os';
import { openBlobStore } from './blobs/open-blob-store.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createLogger } from './logger.ts';
import { remotePresence } from './runner/remote-presence.ts';
import { databaseAnnouncer } from './runner/run-announcements.ts';
import type { AttachPresence } from './runner/run-presence.ts';
import { startRunner } from './runner/runner.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

if (!config.databaseUrl) {
  console.error(
    '\n  npm run runner needs PostgreSQL: set DATABASE_URL=postgres://… (the one the servers use).\n' +
      '  The embedded PGlite database lives inside the server process, so with PGlite `npm start`\n' +
      '  executes runs itself; workers in other processes or on other machines need PostgreSQL.\n',
  );
  process.exit(78);
}

const database = await openDatabase({ databaseUrl: config.databaseUrl });
const blobStore = openBlobStore(config, database, logger);
if (config.blobStore === 'filesystem') {
  logger.warn(
    { dir: blobStore.description },
    'BLOB_STORE=filesystem: this runner reads datasets from and writes artifacts to its own DATA_DIR/blobs, so servers see them (and it sees uploaded datasets) only if DATA_DIR is the directory the servers use (e.g. a shared mount). On other machines set BLOB_STORE=database here and on the servers.',
  );
}
const concurrency = Math.max(1, config.runnerConcurrency);
let attachPresence: AttachPresence;
if (config.serverUrl && config.runnerToken) {
  attachPresence = remotePresence(config.serverUrl, config.runnerToken, logger);
} else {
  logger.warn(
    'DOMINOML_SERVER_URL and RUNNER_TOKEN are not both set: runs execute and their logs are stored, but people see them only through the API, not live',
  );
  attachPresence = async () => ({ publish: () => {}, release: async () => {} });
}

const runner = await startRunner({
  config,
  database,
  logger,
  blobs: blobStore.blobs,
  concurrency,
  attachPresence,
  // Every server LISTENs and passes it on to the people on the pipeline.
  announce: databaseAnnouncer(database, logger),
});
console.log(`\n  DominoML runner is running on ${os.hostname()}:${process.pid} (${concurrency} at a time)\n`);

let signals = 0;
const shutdown = (signal: string) => {
  signals += 1;
  if (signals > 1) process.exit(130); // a second Ctrl+C means now
  logger.info({ signal }, 'runner shutting down');
  (async () => {
    await runner.stop();
    await blobStore.close();
    await database.close();
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'runner shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
