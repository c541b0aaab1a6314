/**
 * Entry point of `npm run runner`: a standalone worker executing queued runs from the same
 * PostgreSQL as the servers, on this machine or another (ARCHITECTURE §2). Live logs reach people
 * through the servers' Redis (`REDIS_URL`), as the servers' own awareness does; artifacts go to
 * `DATA_DIR/blobs`, which servers must share (the same directory, e.g. a network mount).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Hocuspocus } from '@hocuspocus/server';
import { recordNotification } from '../shared/api/notifications.ts';
import { createFsBlobStore } from './blobs/fs-blob-store.ts';
import { documentNameFor } from './collab/document-name.ts';
import { createRedisExtension } from './collab/redis-extension.ts';
import { attachRunnerChannel } from './collab/runner-channel.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createLogger } from './logger.ts';
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
const concurrency = Math.max(1, config.runnerConcurrency);
let hocuspocus: Hocuspocus | undefined;
let attachPresence: AttachPresence;
if (config.redisUrl) {
  // A Hocuspocus of our own, without persistence: only its Redis extension, which carries this
  // process's awareness of a document to the servers, and from them to every open canvas.
  hocuspocus = new Hocuspocus({
    name: 'dominoml-runner',
    quiet: true,
    extensions: [createRedisExtension(config.redisUrl, `dominoml-runner-${randomUUID()}`)],
  });
  const instance = hocuspocus;
  attachPresence = (pipelineId) => attachRunnerChannel(instance, pipelineId);
} else {
  logger.warn(
    'REDIS_URL is not set: runs execute and their logs are stored, but people see them only through the API, not live',
  );
  attachPresence = async () => ({ publish: () => {}, release: async () => {} });
}

const runner = await startRunner({
  config,
  database,
  logger,
  blobs: createFsBlobStore(path.join(config.dataDir, 'blobs')),
  concurrency,
  attachPresence,
  announce: (run, action) => {
    const document = hocuspocus?.documents.get(documentNameFor(run.pipelineId));
    document?.broadcastStateless(
      JSON.stringify(recordNotification({ kind: 'run', action, id: run.id, versionId: run.versionId })),
    );
  },
});
console.log(`\n  DominoML runner is running on ${os.hostname()}:${process.pid} (${concurrency} at a time)\n`);

let signals = 0;
const shutdown = (signal: string) => {
  signals += 1;
  if (signals > 1) process.exit(130); // a second Ctrl+C means now
  logger.info({ signal }, 'runner shutting down');
  (async () => {
    await runner.stop();
    hocuspocus?.closeConnections();
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
