/**
 * Runs only the canvas specs, which start the canvas harness themselves (no server, no build):
 * `npx playwright test --config test/e2e/canvas.playwright.config.ts`. They also run under the
 * app's config (test/e2e/playwright.config.ts) with the rest of the end-to-end suite.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium-launch.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  testDir: '.',
  testMatch: 'canvas-*.spec.ts',
  outputDir: path.join(root, 'test-results/e2e-canvas'),
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
});
