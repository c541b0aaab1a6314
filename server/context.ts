/** What every server module receives: configuration, database and logger (no globals). */
import type { ServerConfig } from './config.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logger.ts';

export interface ServerContext {
  config: ServerConfig;
  database: Database;
  logger: Logger;
}
