/**
 * The one configuration object of the DominoML server. Every knob lives here with its default and
 * the reason for it; nothing else in `server/` reads `process.env`.
 */
import path from 'node:path';
import { DATASET_LIMITS } from '../shared/api/datasets.ts';

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
  /**
   * Where files too big for a row live — run artifacts, uploaded datasets (`BLOB_STORE`):
   * `filesystem` (default) under `DATA_DIR/blobs`; `database` in the database's `blobs` and
   * `blob_chunks` tables. Servers and standalone runners must all see the same blobs, so a
   * deployment with runners on other machines uses `database` (or shares `DATA_DIR`, e.g. a
   * network mount). An in-memory server with `filesystem` keeps them in memory.
   */
  blobStore: BlobStoreKind;
  /** Largest JSON request body accepted, in bytes. */
  maxJsonBodyBytes: number;
  /**
   * Largest dataset upload accepted, in bytes (`DATASET_MAX_BYTES`, 200 MB). Uploads stream to
   * storage, so this bounds disk use per file, not memory; past it the upload is refused with 413.
   */
  datasetMaxBytes: number;
  /** Login attempts allowed per account and per address in `loginWindowMs` before answering 429. */
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** `pino` log level: `fatal`, `error`, `warn`, `info`, `debug`, `trace`, or `silent` (tests). */
  logLevel: string;
  /**
   * Runs one worker process executes at once (`RUNNER_CONCURRENCY`). Each run is a Python process
   * that may use a core and `runMemoryLimitMb` of memory, so the default is 1; raise it on bigger
   * machines. `0` starts no in-process worker: the server only queues runs, and standalone workers
   * (`npm run runner`, PostgreSQL only) execute them.
   */
  runnerConcurrency: number;
  /** Wall-clock limit of one run (`RUN_TIMEOUT_MS`), then it is stopped and ends `timed_out`. 10 minutes. */
  runTimeoutMs: number;
  /**
   * Address-space limit of a run's Python (`RUN_MEMORY_LIMIT_MB`, `prlimit --as`). At least 1024:
   * below ~512 MB importing scikit-learn already fails, and numpy reserves address space generously.
   */
  runMemoryLimitMb: number;
  /**
   * Log bytes kept per run (`RUN_LOG_MAX_BYTES`, 20 MB). Past it one truncation notice is stored and
   * the rest is only counted; the run itself goes on.
   */
  runLogMaxBytes: number;
  /**
   * Seconds a worker may go without a heartbeat before its run is failed as "worker stopped
   * responding" (`RUN_LEASE_SECONDS`, 30; pg-boss allows no less than 10). Workers heartbeat every
   * second, so only a dead or frozen worker misses it.
   */
  runLeaseSeconds: number;
  /**
   * How runs are isolated (`RUN_SANDBOX`): `auto` uses bubblewrap (no network, read-only system,
   * only the run's directory writable) when it works on this machine and falls back with a warning;
   * `bwrap` insists on it; `none` runs Python directly (still in its own process group, with the
   * memory limit and a sanitized environment).
   */
  runSandbox: RunSandboxMode;
  /**
   * Shared secret of standalone runners (`RUNNER_TOKEN`, at least 32 characters). A server that has
   * it lets a runner presenting it open any pipeline's document read-only, to publish live run
   * state in its awareness; a runner uses it to connect to `serverUrl`. Unset: no runner connects.
   */
  runnerToken: string | undefined;
  /**
   * The DominoML server a standalone runner publishes live state through (`DOMINOML_SERVER_URL`,
   * e.g. `http://10.0.0.5:3000`). Servers sharing Redis pass it on to everyone else.
   */
  serverUrl: string | undefined;
}

/** A runner token shorter than this is refused: it opens every pipeline for reading. */
export const RUNNER_TOKEN_MIN_LENGTH = 32;

export const BLOB_STORE_KINDS = ['filesystem', 'database'] as const;
export type BlobStoreKind = (typeof BLOB_STORE_KINDS)[number];

export const RUN_SANDBOX_MODES = ['auto', 'bwrap', 'none'] as const;
export type RunSandboxMode = (typeof RUN_SANDBOX_MODES)[number];

/** Below this scikit-learn cannot even be imported (STACK-NOTES); smaller settings are raised to it. */
export const RUN_MEMORY_LIMIT_MIN_MB = 1024;
/** pg-boss refuses heartbeats shorter than 10 s. */
export const RUN_LEASE_MIN_SECONDS = 10;

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
    blobStore: readBlobStoreKind(env.BLOB_STORE),
    maxJsonBodyBytes: 1024 * 1024,
    datasetMaxBytes: readInteger(env, 'DATASET_MAX_BYTES', DATASET_LIMITS.defaultMaxBytes, 1),
    loginMaxAttempts: 10,
    loginWindowMs: 15 * 60 * 1000,
    logLevel: env.LOG_LEVEL ?? 'info',
    runnerConcurrency: readInteger(env, 'RUNNER_CONCURRENCY', 1, 0),
    runTimeoutMs: readInteger(env, 'RUN_TIMEOUT_MS', 10 * 60 * 1000, 1000),
    runMemoryLimitMb: Math.max(RUN_MEMORY_LIMIT_MIN_MB, readInteger(env, 'RUN_MEMORY_LIMIT_MB', 2048, 1)),
    runLogMaxBytes: readInteger(env, 'RUN_LOG_MAX_BYTES', 20 * 1024 * 1024, 1024),
    runLeaseSeconds: readInteger(env, 'RUN_LEASE_SECONDS', 30, RUN_LEASE_MIN_SECONDS),
    runSandbox: readSandboxMode(env.RUN_SANDBOX),
    runnerToken: readRunnerToken(env.RUNNER_TOKEN),
    serverUrl: env.DOMINOML_SERVER_URL || undefined,
    ...overrides,
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new Error(`${name} must be an integer of at least ${minimum}, got "${raw}"`);
  }
  return value;
}

function readBlobStoreKind(raw: string | undefined): BlobStoreKind {
  if (raw === undefined || raw === '') return 'filesystem';
  if ((BLOB_STORE_KINDS as readonly string[]).includes(raw)) return raw as BlobStoreKind;
  throw new Error(`BLOB_STORE must be one of ${BLOB_STORE_KINDS.join(', ')}, got "${raw}"`);
}

function readSandboxMode(raw: string | undefined): RunSandboxMode {
  if (raw === undefined || raw === '') return 'auto';
  if ((RUN_SANDBOX_MODES as readonly string[]).includes(raw)) return raw as RunSandboxMode;
  throw new Error(`RUN_SANDBOX must be one of ${RUN_SANDBOX_MODES.join(', ')}, got "${raw}"`);
}

function readRunnerToken(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < RUNNER_TOKEN_MIN_LENGTH) {
    throw new Error(
      `RUNNER_TOKEN must be at least ${RUNNER_TOKEN_MIN_LENGTH} characters (e.g. openssl rand -hex 32)`,
    );
  }
  return raw;
}
