/**
 * One server shared by the tests of a `describe` block (or file), for tests that do not disturb
 * each other: starting a server per test would dominate the run time on two cores.
 */
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServerOptions } from './test-server.ts';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** Registers the hooks and returns an accessor, valid inside tests. */
export function useSuiteServer(options: TestServerOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    await server?.close();
    if (!options.database) await server?.database.drop();
  });
  return () => {
    if (!server) throw new Error('the suite server is only available inside tests');
    return server;
  };
}
