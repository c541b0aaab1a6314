/**
 * How every test and benchmark launches Debian's Chromium (Playwright cannot download browsers
 * here): one place for the executable and the flags, so Playwright configs and benches agree.
 */
import type { LaunchOptions } from '@playwright/test';

/** Headless without a GPU or sandbox (root in CI), and nothing that phones home mid-measurement. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
};
