/**
 * Login rate limiting, per account and per client address: `loginMaxAttempts` failed logins per
 * `loginWindowMs`, then 429 until the window ends. Per account stops guessing one person's
 * password from many addresses; per address stops one client trying many accounts.
 *
 * An attempt is counted when it starts, not when it fails: otherwise a burst of parallel requests
 * would all pass the check while their (slow, on purpose) password hashes are still running. A
 * successful login gives its attempt back and clears the account's count.
 */
import type { ServerConfig } from '../config.ts';
import { createFailureLimiter } from './failure-limiter.ts';

export interface LoginThrottle {
  /** Counts an attempt, or returns the milliseconds to wait when the account or address is blocked. */
  begin(account: string, address: string): { allowed: true } | { allowed: false; retryAfterMs: number };
  succeeded(account: string, address: string): void;
}

export function createLoginThrottle(
  config: Pick<ServerConfig, 'loginMaxAttempts' | 'loginWindowMs'>,
): LoginThrottle {
  const options = { maxAttempts: config.loginMaxAttempts, windowMs: config.loginWindowMs };
  const byAccount = createFailureLimiter(options);
  const byAddress = createFailureLimiter(options);
  const accountKey = (login: string) => login.trim().toLowerCase();

  return {
    begin(account, address) {
      const retryAfterMs = Math.max(
        byAccount.retryAfterMs(accountKey(account)),
        byAddress.retryAfterMs(address),
      );
      if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
      byAccount.consume(accountKey(account));
      byAddress.consume(address);
      return { allowed: true };
    },
    succeeded(account, address) {
      byAccount.reset(accountKey(account));
      byAddress.refund(address);
    },
  };
}
