/**
 * Starts the canvas harness (client/src/canvas/harness) with Vite's API on a free port, so the
 * canvas specs need no server, no database and no edit to the app's Playwright config: they run
 * under it or alone. Each worker starts its own; `close()` in afterAll.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

const CONFIG = fileURLToPath(new URL('../../client/src/canvas/harness/vite.config.ts', import.meta.url));

export interface HarnessServer {
  url(query?: Record<string, string | number>): string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<HarnessServer> {
  const server: ViteDevServer = await createServer({
    configFile: CONFIG,
    server: { port: 0, strictPort: false },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the harness server did not report a URL');
  return {
    url(query = {}) {
      const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
      return `${base}?${params}`;
    },
    close: () => server.close(),
  };
}
