/** Entry point of `npm start` / `npm run serve`: one process serving client, API and sync. */
import { loadConfig } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const server = await startServer(config, logger);
  console.log(`\n  DominoML is running at ${server.url}\n`);
  // Without its database the server can only fail every request. Exiting lets a supervisor start
  // it again; collaborators keep their edits (in memory and IndexedDB) and send them on reconnect.
  server.context.database.lost?.then((error) => {
    logger.fatal({ err: error }, 'the embedded database stopped; exiting');
    process.exit(1);
  });
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(130); // a second Ctrl+C means now
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`\n  ${error.message}\n`);
    process.exit(75);
  }
  logger.fatal({ err: error }, 'DominoML failed to start');
  process.exit(1);
}
