/**
 * Scale-out (ARCHITECTURE §2): with `REDIS_URL`, Hocuspocus's Redis extension relays document
 * updates and awareness between server processes, and its lock lets only one of them store a
 * document at a time. Nothing home-made: the extension does the clustering.
 */
import { Redis } from '@hocuspocus/extension-redis';

export function createRedisExtension(redisUrl: string, instanceName: string): Redis {
  const url = new URL(redisUrl);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}"`);
  }
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return new Redis({
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    identifier: instanceName,
    prefix: 'dominoml',
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number.isInteger(db) ? db : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
    },
  });
}
