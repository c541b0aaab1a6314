/**
 * Riding out a database that is briefly away (a restart, a failover, a dropped connection) while
 * runs go on. postgres.js and pg-boss's pool reconnect by themselves on the next query; what must
 * not happen is a run's log, result or announcement being dropped on the first refused query.
 * Writes that are safe to repeat are retried with growing pauses for up to `DATABASE_RETRY_MS`;
 * other errors are not retried here.
 */

/** How long a runner keeps retrying a write while the database is unreachable. */
export const DATABASE_RETRY_MS = 30_000;
const FIRST_PAUSE_MS = 200;
const LONGEST_PAUSE_MS = 3_000;

/** Node socket errors of a connection that could not be made or was lost. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** postgres.js's own codes for a connection it lost or could not open. */
const DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
/**
 * SQLSTATEs of a server going away or not ready: class 08 (connection exception), 57P01–57P03
 * (admin/crash shutdown, cannot connect now), 53300 (too many connections).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** True when `error` (or a cause below it, as drizzle wraps driver errors) says the connection failed. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')) {
        return true;
      }
    }
    if (
      typeof message === 'string' &&
      /Connection terminated|terminating connection|\bECONNREFUSED\b|\bECONNRESET\b/i.test(message)
    ) {
      return true;
    }
    current = cause;
  }
  return false;
}

/**
 * Runs `write`, retrying while the database is unreachable (growing pauses, `DATABASE_RETRY_MS` in
 * all); any other error, or the last connection error, is thrown. `write` must be safe to repeat:
 * a failure may come after the database did the work.
 */
export async function retryWhileUnreachable<T>(
  write: () => Promise<T>,
  options: { windowMs?: number; onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<T> {
  const deadline = Date.now() + (options.windowMs ?? DATABASE_RETRY_MS);
  for (let attempt = 1, pause = FIRST_PAUSE_MS; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() + pause > deadline) throw error;
      options.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}

/** A sentence for a run that could not go on because of the database. */
export function describeDatabaseFailure(error: unknown): string {
  // The innermost cause is the driver's own words (drizzle's message quotes the whole query).
  let innermost = error;
  for (let depth = 0; depth < 6 && innermost instanceof Error && innermost.cause !== undefined; depth++) {
    innermost = innermost.cause;
  }
  const message = innermost instanceof Error ? innermost.message.split('\n')[0] : String(innermost);
  return `The runner lost its connection to the database (${message}), so the run could not go on. Run it again.`;
}
