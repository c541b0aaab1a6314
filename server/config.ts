/**
 * The one configuration object of the DominoML server. Every knob lives here with its default and
 * the reason for it; nothing else in `server/` reads `process.env`.
 */
import path from 'node:path';

export interface ServerConfig {
  /** TCP port of the single HTTP server (client, `/api`, `/collab`). `0` picks a free port (tests). */
  port: number;
  /** Interface to bind. Loopback by default so a fresh install is never exposed by accident. */
  host: string;
  /** Where embedded PGlite keeps its files (and later uploaded blobs). Ignored for SQL when `databaseUrl` is set. */
  dataDir: string;
  /** PGlite in memory instead of `dataDir`: nothing survives the process. For tests and demos. */
  memoryDatabase: boolean;
  /** `postgres://…` switches from embedded PGlite to PostgreSQL through postgres.js. */
  databaseUrl: string | undefined;
  /** `redis://…` enables Hocuspocus's Redis extension so several servers share documents and awareness. */
  redisUrl: string | undefined;
  /** Python interpreter with scikit-learn for runs. Debian's system Python has `python3-sklearn`. */
  python: string;
  /** Directory of the built client (`vite build`); served as static files with an SPA fallback. */
  clientDir: string;
  /**
   * Origins allowed to make state-changing requests and open the sync WebSocket. The server's own
   * origin is always allowed; list more (comma-separated `ALLOWED_ORIGINS`) for a dev server or proxy.
   */
  allowedOrigins: string[];
  /** Mark the session cookie `Secure`. On by default only when the public URL is https. */
  secureCookies: boolean;
  /** Sessions last this long and slide: using one in its second half renews it. Lucia's default is 30 days. */
  sessionTtlMs: number;
  /** Largest JSON request body accepted, in bytes. */
  maxJsonBodyBytes: number;
  /** Login attempts allowed per account and per address in `loginWindowMs` before answering 429. */
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** `pino` log level: `fatal`, `error`, `warn`, `info`, `debug`, `trace`, or `silent` (tests). */
  logLevel: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const port = env.PORT === undefined ? 3000 : Number.parseInt(env.PORT, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const publicUrl = env.PUBLIC_URL ?? '';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    memoryDatabase: env.DOMINOML_MEMORY_DB === 'true',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    python: env.PYTHON ?? '/usr/bin/python3',
    clientDir: path.resolve(env.CLIENT_DIR ?? './dist/client'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    sessionTtlMs: 30 * DAY_MS,
    maxJsonBodyBytes: 1024 * 1024,
    loginMaxAttempts: 10,
    loginWindowMs: 15 * 60 * 1000,
    logLevel: env.LOG_LEVEL ?? 'info',
    ...overrides,
  };
}
