/**
 * Screenshots of the canvas for people to look at (not pixel assertions): a template graph in
 * light and dark, with a second person present, and the 1,000-node scene zoomed out. Written to
 * test-results/canvas-screenshots/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { type HarnessServer, startHarness } from './canvas-harness-server.ts';

const OUT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test-results/canvas-screenshots',
);

let harness: HarnessServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness?.close();
});
test.use({ viewport: { width: 1440, height: 900 } });

/** Fonts loaded and two frames painted since the last change: what a screenshot should show. */
function settled(page: Page): Promise<void> {
  return page.evaluate(() =>
    document.fonts.ready.then(
      () =>
        new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    ),
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`template graph, ${theme}`, async ({ page }) => {
    await page.goto(harness.url({ theme, peer: 1 }));
    const canvas = page.getByRole('application', { name: /^Pipeline canvas/ });
    await expect(canvas.locator('.node')).toHaveCount(8);
    await page.evaluate(() => {
      window.__harness?.peer?.select(['model']);
      window.__harness?.peer?.cursor(700, 140);
    });
    await canvas.locator('.node[data-node-id="split"]').click();
    await expect(canvas.locator('.remote-cursor')).toBeVisible();
    await settled(page);
    await page.screenshot({ path: path.join(OUT, `template-${theme}.png`) });
  });
}

test('1,000-node scene, zoomed to fit', async ({ page }) => {
  await page.goto(harness.url({ scene: 'large', panels: 0, problems: 0 }));
  const canvas = page.getByRole('application', { name: /^Pipeline canvas/ });
  await expect(canvas.locator('.node')).toHaveCount(1000, { timeout: 20_000 });
  await settled(page);
  await page.screenshot({ path: path.join(OUT, 'large-fit.png') });
});
