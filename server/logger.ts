/** Structured JSON logs (pino). One root logger per server; modules take a child with their name. */
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'dominoml' } });
}
