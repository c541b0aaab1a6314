/**
 * `Origin` checks for state-changing requests and the sync WebSocket upgrade. Same-origin means the
 * Origin's host equals the Host header the browser used; more origins come from configuration.
 */
import type { ServerConfig } from '../config.ts';

export function isAllowedOrigin(request: Request, config: Pick<ServerConfig, 'allowedOrigins'>): boolean {
  return isAllowedOriginHeader(request.headers.get('origin'), request.headers.get('host'), config);
}

export function isAllowedOriginHeader(
  origin: string | null | undefined,
  host: string | null | undefined,
  config: Pick<ServerConfig, 'allowedOrigins'>,
): boolean {
  if (!origin || origin === 'null') return false;
  if (config.allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
