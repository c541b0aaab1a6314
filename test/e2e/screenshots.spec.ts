/**
 * Screens for people to look at (test-results/screenshots/), light and dark, at 1280×800 — and a
 * check on each that nothing scrolls sideways.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { makeAccount, pipelineRow, registerThroughUi, seedPipeline } from './helpers.ts';

const SCREENSHOT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test-results/screenshots',
);

async function snap(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: no horizontal scroll at 1280 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const SAMPLE_PIPELINES = [
  {
    name: 'Iris species classifier',
    description: 'Random forest on petal and sepal sizes',
    tags: ['classification', 'tutorial'],
  },
  {
    name: 'Housing prices',
    description: 'Gradient boosting on the California housing data',
    tags: ['regression'],
  },
  {
    name: 'Customer churn',
    description: 'Which subscribers leave next quarter, from usage logs',
    tags: ['classification', 'marketing', 'weekly'],
  },
  { name: 'Wine quality', description: '', tags: ['regression', 'tutorial'] },
  {
    name: 'Digits with a pipeline that has a rather long name to see how it truncates',
    description: 'SVC on 8×8 digit images',
    tags: [],
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`screens in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });

    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Log in to DominoML' })).toBeVisible();
    await snap(page, `${scheme}-login`);

    await page.goto('/register');
    await page.getByLabel('Username').fill('a');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Username must be at least 3 characters')).toBeVisible();
    await snap(page, `${scheme}-register-errors`);

    await registerThroughUi(page, makeAccount(scheme));
    await expect(page.getByRole('heading', { name: 'No pipelines yet' })).toBeVisible();
    await snap(page, `${scheme}-dashboard-empty`);

    for (const pipeline of SAMPLE_PIPELINES) await seedPipeline(page, pipeline);
    await page.reload();
    await expect(pipelineRow(page, 'Housing prices')).toBeVisible();
    await snap(page, `${scheme}-dashboard`);

    // Keyboard focus is visible (after a key press, programmatic focus counts as keyboard focus).
    await page.keyboard.press('Tab');
    await pipelineRow(page, 'Customer churn')
      .getByRole('button', { name: 'Filter by tag marketing' })
      .focus();
    await snap(page, `${scheme}-dashboard-focus`);

    await page.getByRole('button', { name: 'New pipeline' }).click();
    const dialog = page.getByRole('dialog', { name: 'New pipeline' });
    await dialog.getByLabel('Tags').fill('vision');
    await dialog.getByRole('button', { name: 'Create pipeline' }).click();
    await expect(dialog.getByText('Name must not be empty')).toBeVisible();
    await snap(page, `${scheme}-new-pipeline-dialog`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await pipelineRow(page, 'Housing prices').getByRole('button', { name: 'Rename Housing prices' }).click();
    await page.getByRole('textbox', { name: 'New name for Housing prices' }).fill('');
    await page.getByRole('textbox', { name: 'New name for Housing prices' }).press('Enter');
    await expect(page.getByText('Name must not be empty')).toBeVisible();
    await snap(page, `${scheme}-rename-error`);
    await page.getByRole('textbox', { name: 'New name for Housing prices' }).press('Escape');

    await pipelineRow(page, 'Wine quality').getByRole('button', { name: 'Delete Wine quality' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Delete “Wine quality”?' })).toBeVisible();
    await snap(page, `${scheme}-delete-dialog`);
    await page.keyboard.press('Escape');

    await pipelineRow(page, 'Wine quality').getByRole('button', { name: 'Filter by tag tutorial' }).click();
    await expect(page).toHaveURL(/tag=tutorial/);
    await expect(pipelineRow(page, 'Housing prices')).toHaveCount(0);
    await snap(page, `${scheme}-dashboard-tag-filter`);

    await page.getByRole('searchbox', { name: 'Search pipelines' }).fill('zebra');
    await expect(page.getByRole('heading', { name: 'No matching pipelines' })).toBeVisible();
    await snap(page, `${scheme}-dashboard-no-matches`);

    await page.goto('/');
    await page.getByRole('link', { name: 'Customer churn' }).click();
    await expect(page).toHaveURL(/\/p\//);
    await expect(page.getByRole('status').filter({ hasText: 'Opening pipeline' })).toHaveCount(0);
    await snap(page, `${scheme}-pipeline-page`);
  });
}
