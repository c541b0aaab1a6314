/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers here) against the
 * real server (`node server/main.ts`) on an in-memory PGlite database and a free port, serving
 * the built client from dist/client — `npm test` builds it first; alone, run `npm run build`.
 */
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium-launch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// Chosen once in the runner; worker processes inherit the variable and so agree on the port.
process.env.DOMINOML_E2E_PORT ??= String(await findFreePort());
const port = Number(process.env.DOMINOML_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'test-results/e2e'),
  fullyParallel: true,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: path.join(root, 'playwright-report') }]]
    : 'list',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    // The Node running Playwright is the project's pinned Node 24 (npm scripts put it on PATH).
    command: `"${process.execPath}" server/main.ts`,
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DOMINOML_MEMORY_DB: 'true',
      CLIENT_DIR: path.join(root, 'dist/client'),
      LOG_LEVEL: 'warn',
    },
  },
});
